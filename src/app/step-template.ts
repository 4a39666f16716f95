import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PasswordRules, TenantConfig } from '../api/contract.schema.js';
import type { FlowContext, FlowState } from '../flow/flow-state.js';
import { assertNever } from '../flow/policy-steps.js';
import type { ThemeText } from '../theme/theme-text.schema.js';
import { signInStepTemplate, type SignInStepParts } from './app-shell.js';
import { hasResetLink } from './first-step.js';

/** What a step shows beyond its state: the app's busy flag, the tenant's rules, the sign-in's links. */
export interface StepParts extends Pick<
  SignInStepParts,
  'identifierHint' | 'showResetLink' | 'showPasswordSetup' | 'resetHref'
> {
  busy: boolean;
  /** The tenant signs users in by username, not by email. */
  usernames: boolean;
  /** The tenant's; there from the moment its settings have loaded, before any new-password step. */
  passwordRules: PasswordRules | undefined;
}

/**
 * A step's parts from the tenant's settings, the flow's context and the pack's text: `gate-app`
 * and the server's answers to form posts (server/http/form-posts.ts) show the same.
 */
export function stepParts(
  config: TenantConfig | undefined,
  context: FlowContext | undefined,
  text: ThemeText | undefined,
  resetHref: string,
  busy: boolean,
): StepParts {
  const resetLink = hasResetLink(context);
  return {
    busy,
    usernames: config?.signInName === 'username',
    passwordRules: config?.passwordRules,
    identifierHint: text?.usernameHint ?? '',
    showResetLink: resetLink,
    showPasswordSetup:
      resetLink && context?.policy.kind === 'sign-in' && context.policy.passwordSetup === true,
    resetHref,
  };
}

/** The step page for a flow state (a status line while there is none yet). */
export function stepTemplate(flow: FlowState | undefined, parts: StepParts): TemplateResult {
  const { busy } = parts;
  if (!flow) {
    return html`<p class="gate-intro" role="status">${msg('Loading…', { id: 'loading' })}</p>`;
  }
  switch (flow.step) {
    case 'sign-in':
      return signInStepTemplate({ ...parts, identifier: flow.identifier, alert: flow.alert });
    case 'confirm-email':
      return html`<gate-confirm-email-page
        .email=${flow.email}
        .alert=${flow.alert}
        ?busy=${busy}
      ></gate-confirm-email-page>`;
    case 'signed-in':
      return html`<gate-signed-in-page></gate-signed-in-page>`;
    case 'reset-email':
      return html`<gate-reset-email-page
        .email=${flow.email}
        reason=${flow.reason ?? 'forgot'}
        ?usernames=${parts.usernames}
        .alert=${flow.alert}
        ?busy=${busy}
      ></gate-reset-email-page>`;
    case 'reset-code':
    case 'confirm-code':
      return html`<gate-reset-code-page
        purpose=${flow.step === 'reset-code' ? 'reset' : 'confirm'}
        .email=${flow.email}
        .resendAvailableAt=${flow.resendAvailableAt}
        .resent=${flow.resent ?? false}
        .alert=${flow.alert}
        ?busy=${busy}
      ></gate-reset-code-page>`;
    case 'new-password':
      return html`<gate-new-password-page
        .email=${flow.email}
        .rules=${parts.passwordRules!}
        .alert=${flow.alert}
        ?busy=${busy}
      ></gate-new-password-page>`;
    case 'reset-done':
      return html`<gate-reset-done-page></gate-reset-done-page>`;
    case 'reset-unavailable':
      return html`<gate-reset-unavailable-page></gate-reset-unavailable-page>`;
    case 'change-password':
      return html`<gate-change-password-page
        .email=${flow.email}
        .rules=${parts.passwordRules!}
        .alert=${flow.alert}
        ?busy=${busy}
      ></gate-change-password-page>`;
    case 'password-changed':
      return html`<gate-password-changed-page></gate-password-changed-page>`;
    case 'redirect':
      return html`<p class="gate-intro" role="status">
        ${msg('Taking you back…', { id: 'redirecting' })}
        <a href=${flow.url}>${msg('Continue', { id: 'button_continue' })}</a>
      </p>`;
    case 'error':
      return html`<gate-error-page .alert=${flow.failure}></gate-error-page>`;
    default:
      return assertNever(flow);
  }
}
