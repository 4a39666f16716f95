/** The mock's accounts, made from the demo users: what it keeps of each, in memory. */
import { signInNameOf, type DemoUser } from '../demo/demo-tenants.js';
import { normaliseEmail } from '../rules/email-address.js';
import { dayMs } from '../rules/limits.js';

export interface Account {
  /** The sign-in name: the email, or a username tenant's username. */
  email: string;
  /** Where codes and notices go: the sign-in email, or a username account's recovery email. */
  recovery: string;
  password: string;
  groups: string[];
  /** When the recovery address was last proven; null: never. */
  emailConfirmedAt: number | null;
  failures: number;
  locks: number;
  lockedUntil: number;
}

export function mockAccounts(users: readonly DemoUser[], now: number): Map<string, Account> {
  const accounts = new Map<string, Account>();
  for (const user of users) {
    const email = normaliseEmail(signInNameOf(user));
    const days = user.emailConfirmedDaysAgo;
    accounts.set(email, {
      email,
      recovery: normaliseEmail(user.email),
      password: user.password,
      groups: user.groups ?? [],
      emailConfirmedAt: days === null ? null : now - (days ?? 0) * dayMs,
      failures: 0,
      locks: 0,
      lockedUntil: 0,
    });
  }
  return accounts;
}
