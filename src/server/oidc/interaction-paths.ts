/**
 * The way back from the hosted pages to an OpenID Connect interaction. The front door sends the
 * user to a hosted page with `redirect_uri` set to the interaction's continue path; the pages
 * allow that return address for that visit only, as they allow the tenant's own list.
 */

/** The ids oidc-provider gives its interactions. */
export const interactionIdPattern = /^[A-Za-z0-9_-]{10,64}$/;

/** Where the hosted pages return once the user has signed in for an interaction. */
export function continuePath(tenant: string, uid: string): string {
  return `/${tenant}/interaction/${uid}/continue`;
}

/** Whether a hosted page's `redirect_uri` is the way back to an interaction of its tenant. */
export function isInteractionReturn(tenant: string, redirectUri: string | undefined): boolean {
  const [, , interaction, uid, rest] = redirectUri?.split('/') ?? [];
  return (
    redirectUri === `/${tenant}/interaction/${uid}/continue` &&
    interaction === 'interaction' &&
    rest === 'continue' &&
    interactionIdPattern.test(uid ?? '')
  );
}
