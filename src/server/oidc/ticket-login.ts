/**
 * An embedded sign-in finishes at the front door (docs/embedding.md): the element sends the
 * browser to the app's authorize URL with the ticket its sign-in answer carried, and the
 * interaction that the provider starts there ends with that sign-in instead of showing a page.
 * The ticket is redeemed once, within its short life, for its own tenant only; anything else falls
 * back to the hosted sign-in page. The code, PKCE and tokens stay oidc-provider's.
 */
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { Database } from '../database/database.js';
import { takeTicket } from '../store/sessions.js';

/** The authorize parameter that carries the ticket (declared to the provider as an extra one). */
export const ticketParam = 'gatehouse_ticket';

export async function ticketLogin(
  db: Database,
  now: Date,
  tenant: Tenant,
  policy: string,
  params: Record<string, unknown>,
) {
  const ticket = params[ticketParam];
  if (typeof ticket !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(ticket)) return undefined;
  const signedIn = await takeTicket(db, ticket, now);
  if (signedIn?.tenant !== tenant.id) return undefined;
  return {
    accountId: signedIn.userId,
    acr: policy,
    amr: ['pwd'],
    ts: Math.floor(signedIn.createdAt.getTime() / 1000),
  };
}
