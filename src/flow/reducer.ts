/**
 * The flow as a pure reducer over a union of steps. The app feeds it user intents and the
 * server's answers; the policy in the context decides where a flow starts and where it leaves.
 * Pages only render a state.
 */
import type { ApiError } from '../api/client.js';
import { authorizeUrl } from './authorize-url.js';
import { assertNever } from './policy-steps.js';
import {
  initialFlowState,
  looksLikeEmail,
  type Failure,
  type FlowContext,
  type FlowState,
  type ResetReason,
} from './flow-state.js';

export type FlowAction =
  /** What the user submitted on a form step, kept so that Back shows it again. */
  | { type: 'entered'; value: string }
  | { type: 'forgot-password'; identifier: string; reason?: ResetReason }
  | { type: 'cancel' }
  | { type: 'continue' }
  | { type: 'signed-in'; ticket?: string }
  | { type: 'confirm-email-required'; flowId: string; email: string }
  | { type: 'code-sent'; flowId: string; email: string; resendAfter: number; now: number }
  | { type: 'code-resent'; resendAfter: number; now: number }
  | { type: 'change-email' }
  | { type: 'code-verified' }
  | { type: 'password-changed' }
  | { type: 'failed'; failure: Failure; now: number };

/** Errors after which the current step cannot go on: the flow is gone or out of order. */
const fatal = new Set<Failure['error']>([
  'flow_not_found',
  'step_not_allowed',
  'tenant_not_found',
  'page_not_found',
  'redirect_not_allowed',
]);

export function nextFlowState(
  state: FlowState,
  action: FlowAction,
  context: FlowContext,
): FlowState {
  switch (action.type) {
    case 'entered':
      if (state.step === 'sign-in') return { ...state, identifier: action.value };
      if (state.step === 'reset-email') return { ...state, email: action.value };
      return state;
    case 'forgot-password':
      return state.step === 'sign-in' &&
        context.policy.kind === 'sign-in' &&
        context.policy.resetLink &&
        context.resetAllowed
        ? {
            step: 'reset-email',
            email: looksLikeEmail(action.identifier) ? action.identifier : '',
            ...(action.reason ? { reason: action.reason } : {}),
          }
        : state;
    case 'cancel':
      return leave(context);
    case 'continue':
      // Embedded for an app, a finished reset goes on to sign in with the new password here.
      return context.app && state.step === 'reset-done'
        ? { step: 'sign-in', identifier: '' }
        : leave(context);
    case 'signed-in':
      if (state.step !== 'sign-in' && state.step !== 'confirm-code') return state;
      if (context.app)
        return { step: 'redirect', url: authorizeUrl(context.app, action.ticket), signedIn: true };
      if (context.policy.kind === 'password-change') {
        return {
          step: 'change-password',
          email: state.step === 'sign-in' ? state.identifier : state.email,
        };
      }
      return context.redirectUri
        ? { step: 'redirect', url: context.redirectUri }
        : { step: 'signed-in' };
    case 'confirm-email-required':
      return state.step === 'sign-in'
        ? { step: 'confirm-email', flowId: action.flowId, email: action.email }
        : state;
    case 'code-sent': {
      const code = {
        flowId: action.flowId,
        email: action.email,
        resendAvailableAt: action.now + action.resendAfter * 1000,
      };
      if (state.step === 'reset-email') return { step: 'reset-code', ...code };
      if (state.step === 'confirm-email') return { step: 'confirm-code', ...code };
      return state;
    }
    case 'code-resent':
      return state.step === 'reset-code' || state.step === 'confirm-code'
        ? {
            ...withoutAlert(state),
            resendAvailableAt: action.now + action.resendAfter * 1000,
            resent: true,
          }
        : state;
    case 'change-email':
      return state.step === 'reset-code' ? { step: 'reset-email', email: state.email } : state;
    case 'code-verified':
      return state.step === 'reset-code'
        ? { step: 'new-password', flowId: state.flowId, email: state.email }
        : state;
    case 'password-changed':
      if (state.step === 'new-password') return { step: 'reset-done' };
      if (state.step !== 'change-password') return state;
      return context.redirectUri
        ? { step: 'redirect', url: context.redirectUri }
        : { step: 'password-changed' };
    case 'failed':
      return withFailure(state, action.failure, action.now);
    default:
      return assertNever(action);
  }
}

/**
 * Cancel and Continue. A sign-in policy goes back to its sign-in step; a standalone reset leaves
 * for the caller's allowed address, else for the tenant's sign-in page.
 */
function leave(context: FlowContext): FlowState {
  if (context.policy.kind === 'sign-in') return { step: 'sign-in', identifier: '' };
  const url = context.redirectUri ?? context.signInUrl;
  return url ? { step: 'redirect', url } : initialFlowState(context);
}

function withFailure(state: FlowState, failure: Failure, now: number): FlowState {
  if (fatal.has(failure.error)) return { step: 'error', failure };
  const alert = failure as ApiError;
  switch (state.step) {
    case 'sign-in':
    case 'confirm-email':
    case 'reset-email':
    case 'new-password':
      return { ...state, alert };
    // A session that ended meanwhile: sign in again, then change the password.
    case 'change-password':
      return alert.error === 'session_required'
        ? { step: 'sign-in', identifier: state.email, alert }
        : { ...state, alert };
    case 'reset-code':
    case 'confirm-code': {
      const { resent: _resent, ...rest } = state;
      // A refused send tells when the next one is allowed; keep the countdown honest.
      const resendAvailableAt =
        alert.error === 'too_many_requests'
          ? Math.max(state.resendAvailableAt, now + alert.retryAfter * 1000)
          : state.resendAvailableAt;
      return { ...rest, resendAvailableAt, alert };
    }
    case 'signed-in':
    case 'reset-done':
    case 'reset-unavailable':
    case 'password-changed':
    case 'redirect':
    case 'error':
      return { step: 'error', failure };
    default:
      return assertNever(state);
  }
}

function withoutAlert<T extends { alert?: ApiError }>(state: T): T {
  const { alert: _alert, ...rest } = state;
  return rest as T;
}
