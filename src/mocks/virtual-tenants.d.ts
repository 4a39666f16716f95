/** The tenant files of the tenants folder, validated at dev or mock build time (scripts/vite-tenants.ts). */
declare module 'virtual:gatehouse/tenants' {
  const tenants: import('../tenant/tenant.schema.js').Tenant[];
  export default tenants;
}
