import type { Tenant } from '../../src/policy/tenant.js';
import { demoTenants } from '../../src/mocks/demo-tenants.js';
import type { MockTenant } from '../../src/mocks/mock-backend.js';

/** The demo tenant `contoso` (with its demo users), changed as a test needs. */
export function contosoWith(changes: Partial<Tenant>): MockTenant[] {
  const [contoso, ...others] = demoTenants();
  return [{ ...contoso!, tenant: { ...contoso!.tenant, ...changes } }, ...others];
}
