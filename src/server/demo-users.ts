/**
 * The demo accounts of README's quick start (the same as the mock API's, src/demo/demo-tenants.ts),
 * created once, on the first start of a database that hosts the demo tenants.
 */
import { demoTenants, signInNameOf } from '../demo/demo-tenants.js';
import type { Clock } from './clock.js';
import type { Database } from './database/database.js';
import { dayMs } from '../rules/limits.js';
import { hashPassword } from './security/password-hash.js';
import { claimSetting, readSetting } from './store/settings.js';
import { insertUser } from './store/users.js';
import type { TenantRegistry } from './tenants.js';
import { normaliseEmail } from '../rules/email-address.js';

export interface DemoUser {
  tenant: string;
  /** The sign-in name: the email, or a username tenant's username. */
  email: string;
  password: string;
  groups: string[];
}

const settingKey = 'demo_users_created_at';

/** Creates the demo users unless this database ever had them; returns those created now. */
export async function createDemoUsers(
  db: Database,
  tenants: TenantRegistry,
  clock: Clock,
): Promise<DemoUser[]> {
  const demo = demoTenants().filter(({ tenant }) => tenants.has(tenant.id));
  if (demo.length === 0 || (await readSetting(db, settingKey)) !== undefined) return [];
  const now = new Date(clock.now());
  const users = await Promise.all(
    demo.flatMap(({ tenant, users: accounts }) =>
      accounts.map(async (account) => ({
        demo: {
          tenant: tenant.id,
          email: normaliseEmail(signInNameOf(account)),
          password: account.password,
          groups: account.groups ?? [],
        },
        recoveryEmail: account.username ? normaliseEmail(account.email) : undefined,
        hash: await hashPassword(account.password),
        confirmedAt:
          account.emailConfirmedDaysAgo === null
            ? null
            : new Date(now.getTime() - (account.emailConfirmedDaysAgo ?? 0) * dayMs),
      })),
    ),
  );
  return db.transaction(async (tx) => {
    if (!(await claimSetting(tx, settingKey, now.toISOString()))) return [];
    for (const { demo: user, recoveryEmail, hash, confirmedAt } of users) {
      await insertUser(
        tx,
        {
          tenant: user.tenant,
          email: user.email,
          ...(recoveryEmail ? { recoveryEmail } : {}),
          password: hash,
          groups: user.groups,
          emailConfirmedAt: confirmedAt,
        },
        now,
      );
    }
    return users.map(({ demo: user }) => user);
  });
}
