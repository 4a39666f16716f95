/**
 * The tenant files this repository ships (`tenants/*.json`), each validated with its file named
 * in every error. The reference server reads the folder itself; the browser-side mock and the
 * tests use this list.
 */
import contoso from '../../tenants/contoso.json';
import fabrikam from '../../tenants/fabrikam.json';
import northwind from '../../tenants/northwind.json';
import { requireTenantFile, type Tenant } from './tenant.schema.js';

export const shippedTenantFiles: Record<string, unknown> = {
  'tenants/contoso.json': contoso,
  'tenants/fabrikam.json': fabrikam,
  'tenants/northwind.json': northwind,
};

export function shippedTenants(): Tenant[] {
  return Object.entries(shippedTenantFiles).map(([file, data]) => requireTenantFile(file, data));
}
