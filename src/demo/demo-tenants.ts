import { shippedTenants } from '../tenant/shipped-tenants.js';
import type { Tenant } from '../tenant/tenant.schema.js';

export interface DemoUser {
  email: string;
  password: string;
  groups?: string[];
  /** When the recovery email was last confirmed, in days before the backend (mock or server) starts. */
  emailConfirmedDaysAgo?: number;
}

export interface DemoTenant {
  tenant: Tenant;
  users: DemoUser[];
}

/** Demo accounts of the shipped tenants, for dev mode, the mock-backed start and the tests. */
const demoUsers: Record<string, DemoUser[]> = {
  contoso: [
    {
      email: 'ada@contoso.example',
      password: 'correct horse battery staple',
      emailConfirmedDaysAgo: 10,
    },
    // Confirmed longer ago than contoso's 180 days: asked to reconfirm at sign-in.
    {
      email: 'grace@contoso.example',
      password: 'compilers are friendly',
      emailConfirmedDaysAgo: 400,
    },
  ],
  fabrikam: [
    { email: 'alan@fabrikam.example', password: 'turing machines halt', groups: ['sspr-enabled'] },
    // Outside fabrikam's reset group: same pages, but an email saying to ask an administrator.
    { email: 'joan@fabrikam.example', password: 'clarke codes well' },
  ],
};

/** Tenants with their demo accounts; a tenant the demo does not know has none. */
export function demoTenants(tenants: Tenant[] = shippedTenants()): DemoTenant[] {
  return tenants.map((tenant) => ({ tenant, users: demoUsers[tenant.id] ?? [] }));
}
