/**
 * Where a visit to a hosted page starts, and what frames it: one pure function each, called by
 * the server for the first step it renders into the HTML (server/http/pages.ts, first-page.ts)
 * and by `gate-app` for the step it shows (app/boot-controller.ts, app/app.ts), so that the two
 * cannot disagree about the step, its return address, its login hint or its reset link.
 */
import type { TenantConfig } from '../api/contract.schema.js';
import type { ShellParts } from './app-shell.js';
import { enabledLocales, type SupportedLocale } from '../i18n/negotiate-locale.js';
import { allowedRedirect, routeUrl, type Route } from '../router/route.js';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import type { ThemeText } from '../theme/theme-text.schema.js';
import type { FlowContext, FlowState } from '../flow/flow-state.js';
import { policySteps } from '../flow/policy-steps.js';

export const notFound: StartFailure = { step: 'error', failure: { error: 'page_not_found' } };

/** A visit that cannot start: its tenant has no such policy, or the return address is not listed. */
export type StartFailure = Extract<FlowState, { step: 'error' }>;

/**
 * The policy the route names (its tenant's first when it names none), the return address if the
 * tenant lists it exactly, and the policy's first step; `history` pages know their sign-in URL.
 */
export function firstStep(
  config: Pick<TenantConfig, 'policies' | 'redirectUris' | 'selfServiceReset'>,
  route: Route,
  history: boolean,
): FlowContext | StartFailure {
  const policy = route.policy
    ? config.policies.find((candidate) => candidate.id === route.policy)
    : config.policies[0];
  if (!policy) return notFound;
  const redirect = allowedRedirect(route.redirectUri, config.redirectUris);
  if (!redirect.ok) return { step: 'error', failure: redirect.failure };
  const signIn = config.policies.find((candidate) => candidate.kind === 'sign-in');
  return {
    policy,
    resetAllowed: config.selfServiceReset,
    redirectUri: redirect.value,
    signInUrl: signIn && history ? routeUrl({ ...route, policy: signIn.id }, undefined) : undefined,
    loginHint: route.loginHint,
  };
}

/** Whether the sign-in step links to a reset: the policy has a reset step. */
export const hasResetLink = (context: FlowContext | undefined) =>
  !!context && policySteps(context.policy, context.resetAllowed).includes('reset-email');

/**
 * The frame around a step, in `locale`, from the tenant's settings (undefined until they are
 * known) and its pack; `step` is made with the pack's text in that language.
 */
export function shellParts(
  locale: SupportedLocale,
  tenant: { locales: readonly string[]; displayName: string } | undefined,
  theme: ResolvedTheme | undefined,
  step: (text: ThemeText | undefined) => ShellParts['step'],
): ShellParts {
  const text = theme?.text[locale];
  return {
    locale,
    locales: enabledLocales(tenant?.locales ?? []),
    logo: theme?.assets.bannerLogo
      ? {
          src: theme.assets.bannerLogo,
          size: theme.bannerLogoSize,
          label: tenant?.displayName ?? theme.name,
        }
      : undefined,
    tenantName: tenant?.displayName,
    footerLinks: Object.values(text?.footerLinks ?? {}),
    step: step(text),
  };
}
