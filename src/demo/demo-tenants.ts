import { shippedTenants } from '../tenant/shipped-tenants.js';
import type { Tenant } from '../tenant/tenant.schema.js';

export interface DemoUser {
  /** A username tenant's sign-in name; then `email` is the account's recovery email. */
  username?: string;
  email: string;
  password: string;
  groups?: string[];
  /**
   * When the recovery email was last confirmed, in days before the backend (mock or server)
   * starts; null: never (an administrator's prefilled address, not yet proven).
   */
  emailConfirmedDaysAgo?: number | null;
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
  // Sign in with a username; codes go to the recovery email.
  northwind: [
    { username: 'mona', email: 'mona@northwind.example', password: 'lighthouse keeper ledger' },
    // Her recovery email was prefilled by an administrator and never proven: asked to register it.
    {
      username: 'nils',
      email: 'nils@northwind.example',
      password: 'harbour cranes at dawn',
      emailConfirmedDaysAgo: null,
    },
  ],
};

/** The name a demo user signs in with. */
export const signInNameOf = (user: DemoUser): string => user.username ?? user.email;

/** Tenants with their demo accounts; a tenant the demo does not know has none. */
export function demoTenants(tenants: Tenant[] = shippedTenants()): DemoTenant[] {
  return tenants.map((tenant) => ({ tenant, users: demoUsers[tenant.id] ?? [] }));
}
