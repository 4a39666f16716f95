import { shippedTenants } from '../policy/shipped-tenants.js';
import type { MockTenant, MockUser } from './mock-backend.js';

/** Demo accounts of the shipped tenants, for dev mode, the mock-backed start and the tests. */
const demoUsers: Record<string, MockUser[]> = {
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

export function demoTenants(): MockTenant[] {
  return shippedTenants().map((tenant) => ({ tenant, users: demoUsers[tenant.id] ?? [] }));
}
