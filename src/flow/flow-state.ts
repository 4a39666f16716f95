/**
 * The flow's states: a union of steps, where a flow starts, and what the reducer (reducer.ts) needs to
 * know beyond the state. The first page needs these; the reducer loads with the flow's effects.
 */
import type { ApiError } from '../api/client.js';
import { assertNever, type Policy, type UrlStep } from './policy-steps.js';

/** Failures found before any request: a URL that names nothing, or a return address not allowed. */
export type RouteFailure = { error: 'page_not_found' } | { error: 'redirect_not_allowed' };

export type Failure = ApiError | RouteFailure;

/** A code step: the reset code, or the code that reconfirms a recovery email at sign-in. */
interface CodeStep {
  flowId: string;
  email: string;
  /** Epoch milliseconds from which another code may be requested. */
  resendAvailableAt: number;
  alert?: ApiError;
  /** Set after a successful resend, so the page can say a new code is on its way. */
  resent?: boolean;
}

/**
 * Why a reset started, when not from "Can't access your account?": `password-setup`, the way in
 * for a user who must set a password (imported without one) before signing in.
 */
export type ResetReason = 'password-setup';

export type FlowState =
  | { step: 'sign-in'; identifier: string; alert?: ApiError }
  /** `email` empty: the user registers a recovery email (the server's `register-email`). */
  | { step: 'confirm-email'; flowId: string; email: string; alert?: ApiError }
  | ({ step: 'confirm-code' } & CodeStep)
  | { step: 'signed-in' }
  | { step: 'reset-email'; email: string; reason?: ResetReason; alert?: ApiError }
  | ({ step: 'reset-code' } & CodeStep)
  | { step: 'new-password'; flowId: string; email: string; alert?: ApiError }
  | { step: 'reset-done' }
  | { step: 'reset-unavailable' }
  /** The signed-in account (`email`, as signed in with) gives its current and new password. */
  | { step: 'change-password'; email: string; alert?: ApiError }
  | { step: 'password-changed' }
  /** Leaving the pages for an allowed address; the app navigates. */
  | { step: 'redirect'; url: string; signedIn?: true }
  | { step: 'error'; failure: Failure };

export type StepId = FlowState['step'];

/** What the reducer needs to know beyond the state: the policy and where the flow may leave to. */
export interface FlowContext {
  policy: Policy;
  /** The tenant's reset switch is not "none". */
  resetAllowed: boolean;
  /** The allow-listed `redirect_uri` of this visit, if any. */
  redirectUri: string | undefined;
  /** Where a standalone reset returns when there is no redirect_uri: the tenant's sign-in page. */
  signInUrl: string | undefined;
  /** Prefills the first form. */
  loginHint: string;
  /**
   * Embedded for one of the tenant's apps: its authorization request at the front door, which
   * the sign-in's ticket completes (docs/embedding.md).
   */
  app?: string | undefined;
}

export const looksLikeEmail = (value: string) => value.includes('@');

export function initialFlowState(context: FlowContext): FlowState {
  switch (context.policy.kind) {
    // A password change starts at sign-in unless a session is found (FlowController.stepFor).
    case 'sign-in':
    case 'password-change':
      return { step: 'sign-in', identifier: context.loginHint };
    case 'password-reset':
      return context.resetAllowed
        ? { step: 'reset-email', email: looksLikeEmail(context.loginHint) ? context.loginHint : '' }
        : { step: 'reset-unavailable' };
    default:
      return assertNever(context.policy);
  }
}

/**
 * The state of a URL with nothing remembered for it (a new tab, a page without the script): the
 * policy's first step, or the reset its URL names, for the reset link to open where it points.
 */
export function urlFlowState(context: FlowContext, step: UrlStep | undefined): FlowState {
  return step === 'reset-email' && context.policy.kind === 'sign-in'
    ? { step, email: '' }
    : initialFlowState(context);
}

/** The step a state shows in the URL; errors and redirects are not places to come back to. */
export function urlStepOf(state: FlowState): UrlStep | undefined {
  return state.step === 'error' || state.step === 'redirect' ? undefined : state.step;
}

/** What a step's form hands to whoever runs the flow. */
export type StepSubmission =
  | { step: 'sign-in'; identifier: string; password: string }
  | { step: 'reset-email'; email: string }
  | { step: 'reset-code'; code: string }
  /** `email`: the address a registration gives (see the confirm-email step). */
  | { step: 'confirm-email'; email?: string }
  | { step: 'confirm-code'; code: string }
  | { step: 'new-password'; password: string }
  | { step: 'change-password'; currentPassword: string; password: string };
