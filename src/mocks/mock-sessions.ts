/**
 * The mock's sign-in sessions, kept as the server keeps them: by the random id in their cookie,
 * each counting for its own tenant only. Not HttpOnly, since msw sets a mocked cookie itself.
 */
import { defaultLimits } from '../rules/limits.js';
import { randomId } from './mock-secrets.js';

/** The server's cookie name. */
export const mockSessionCookie = 'gatehouse_session';

export const sessionCookie = (id: string, maxAgeS: number) =>
  `${mockSessionCookie}=${id}; Path=/; Max-Age=${maxAgeS}; SameSite=Lax`;

export class MockSessions<Account> {
  readonly #sessions = new Map<string, { tenant: string; account: Account }>();

  /** Starts a session and returns its cookie. */
  start(tenant: string, account: Account): string {
    const id = randomId();
    this.#sessions.set(id, { tenant, account });
    return sessionCookie(id, defaultLimits.sessionLifetimeMs / 1000);
  }

  /** The account a cookie's session signs in to `tenant`, if any. */
  find(tenant: string, id: string | undefined): Account | undefined {
    const session = id === undefined ? undefined : this.#sessions.get(id);
    return session?.tenant === tenant ? session.account : undefined;
  }

  end(id: string | undefined) {
    if (id !== undefined) this.#sessions.delete(id);
  }

  endAllOf(account: Account) {
    for (const [id, session] of this.#sessions) {
      if (session.account === account) this.#sessions.delete(id);
    }
  }
}
