/**
 * The session cookie (docs/security.md#rule-22): HttpOnly, Secure and SameSite=Lax always (browsers
 * accept Secure cookies from http://localhost), and the `__Host-` prefix when served over HTTPS.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

export function sessionCookieName(https: boolean): string {
  return https ? '__Host-gatehouse_session' : 'gatehouse_session';
}

export function setSessionCookie(c: Context, sessionId: string, maxAgeMs: number, https: boolean) {
  c.header(
    'Set-Cookie',
    `${sessionCookieName(https)}=${sessionId}; Path=/; Max-Age=${Math.floor(maxAgeMs / 1000)}; HttpOnly; Secure; SameSite=Lax`,
  );
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context, https: boolean) {
  c.header(
    'Set-Cookie',
    `${sessionCookieName(https)}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`,
  );
}

/** The session id the request's cookie carries, if any. */
export function sessionIdOf(c: Context, https: boolean): string | undefined {
  return getCookie(c, sessionCookieName(https));
}
