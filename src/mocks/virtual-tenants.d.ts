/** The tenant files of the tenants folder, validated at dev or mock build time (scripts/vite-tenants.ts). */
declare module 'virtual:gatehouse/tenants' {
  import type { Tenant } from '../tenant/tenant.schema.js';
  const tenants: Tenant[];
  export default tenants;
}
