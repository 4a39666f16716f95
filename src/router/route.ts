/**
 * URL <-> route, as pure functions. Hosted pages live at `/{tenant}/{policy}[/{step}]`; the query
 * carries `redirect_uri`, `login_hint` and `ui_locales`. Nothing here trusts its input: every
 * malformed URL maps to "not found", and only exact allow-listed return addresses survive.
 */
import { urlSteps, type UrlStep } from '../flow/policy-steps.js';
import { policyIdPattern, tenantIdPattern } from '../tenant/ids.js';
import type { Result } from '../shared/result.js';

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

export type RouteResult = Result<Route, { error: 'page_not_found' }>;

const notFound = { ok: false, failure: { error: 'page_not_found' } } as const;

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
  if (segments.length < 2 || segments.length > 3) return notFound;
  const [tenant, policy, step] = segments;
  if (!tenant || !tenantIdPattern.test(tenant)) return notFound;
  if (!policy || !policyIdPattern.test(policy)) return notFound;
  if (segments.length === 3 && (!step || !isUrlStep(step))) return notFound;
  const query = url.searchParams;
  const loginHint = (query.get('login_hint') ?? '').trim();
  return {
    ok: true,
    value: {
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
): Result<string | undefined, { error: 'redirect_not_allowed' }> {
  if (requested === undefined) return { ok: true, value: undefined };
  return allowed.includes(requested)
    ? { ok: true, value: requested }
    : { ok: false, failure: { error: 'redirect_not_allowed' } };
}
