/**
 * URL <-> route, as pure functions. Hosted pages live at `/{tenant}/{policy}[/{step}]`; the query
 * carries `redirect_uri`, `login_hint` and `ui_locales`. Nothing here trusts its input: every
 * malformed URL maps to "not found", and only exact allow-listed return addresses survive.
 */
import { policyIdPattern, urlSteps, type UrlStep } from '../policy/policy.js';
import { tenantIdPattern } from '../policy/tenant-id.js';

export interface Route {
  tenant: string;
  policy: string;
  /** The step named in the path; undefined means the policy's first step. */
  step: UrlStep | undefined;
  /** As given; check it with `allowedRedirect` before use. */
  redirectUri: string | undefined;
  loginHint: string;
  /** Raw `ui_locales`, cut to 256 characters (docs/security.md#rule-20); negotiation reads it. */
  uiLocales: string | undefined;
}

export type RouteResult = { ok: true; route: Route } | { ok: false };

const maxLoginHint = 254;
const maxUiLocales = 256;

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function isUrlStep(value: string): value is UrlStep {
  return (urlSteps as readonly string[]).includes(value);
}

export function parseRoute(url: URL): RouteResult {
  const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
  if (segments.length < 2 || segments.length > 3) return { ok: false };
  const [tenant, policy, step] = segments;
  if (!tenant || !tenantIdPattern.test(tenant)) return { ok: false };
  if (!policy || !policyIdPattern.test(policy)) return { ok: false };
  if (segments.length === 3 && (!step || !isUrlStep(step))) return { ok: false };
  const query = url.searchParams;
  const loginHint = (query.get('login_hint') ?? '').trim();
  return {
    ok: true,
    route: {
      tenant,
      policy,
      step: step as UrlStep | undefined,
      redirectUri: query.get('redirect_uri') ?? undefined,
      loginHint: loginHint.length <= maxLoginHint ? loginHint : '',
      uiLocales: query.get('ui_locales')?.slice(0, maxUiLocales),
    },
  };
}

/**
 * The path and query for a step of a route. The first step of a policy has no step segment;
 * `redirect_uri` and `ui_locales` travel along, `login_hint` does not (it only seeds the first form).
 */
export function routeUrl(route: Route, step: UrlStep | undefined): string {
  const path = [route.tenant, route.policy, ...(step ? [step] : [])]
    .map(encodeURIComponent)
    .join('/');
  const query = new URLSearchParams();
  if (route.redirectUri !== undefined) query.set('redirect_uri', route.redirectUri);
  if (route.uiLocales !== undefined) query.set('ui_locales', route.uiLocales);
  const search = query.toString();
  return `/${path}${search ? `?${search}` : ''}`;
}

/**
 * The return address to use: the requested one only on an exact string match with the tenant's
 * list (RFC 9700; docs/security.md#rule-19), never a normalised or prefix match.
 */
export function allowedRedirect(
  requested: string | undefined,
  allowed: readonly string[],
): { ok: true; url: string | undefined } | { ok: false } {
  if (requested === undefined) return { ok: true, url: undefined };
  return allowed.includes(requested) ? { ok: true, url: requested } : { ok: false };
}
