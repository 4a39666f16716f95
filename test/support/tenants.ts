import type { Tenant } from '../../src/tenant/tenant.schema.js';
import { demoTenants } from '../../src/demo/demo-tenants.js';
import type { DemoTenant } from '../../src/demo/demo-tenants.js';

/** The demo tenant `contoso` (with its demo users), changed as a test needs. */
export function contosoWith(changes: Partial<Tenant>): DemoTenant[] {
  const [contoso, ...others] = demoTenants();
  return [{ ...contoso!, tenant: { ...contoso!.tenant, ...changes } }, ...others];
}
