/**
 * Signing out of the front door ends the hosted pages' session too: one session concept. A
 * middleware of each provider, after the library has ended its own session.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Database } from '../database/database.js';
import { sessionCookieName } from '../http/session-cookie.js';
import { endSession } from '../store/sessions.js';
import { endGrants } from './database-adapter.js';

export const endGatehouseSessionOnSignOut =
  (db: Database, https: boolean, tenant: string) =>
  async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    if (ctx.oidc?.route !== 'end_session_confirm' || !ctx.oidc.params?.logout) return;
    // Refresh tokens asked for with offline_access outlive a sign-out in the library's default;
    // ours end with it (docs/security.md#rule-30).
    const grants = Object.values(ctx.oidc.session?.authorizations ?? {}).flatMap(
      (authorization) => authorization.grantId ?? [],
    );
    await endGrants(db, tenant, grants);
    const name = sessionCookieName(https);
    const id = ctx.cookies.get(name, { signed: false });
    if (id) await endSession(db, id);
    ctx.append('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`);
  };
