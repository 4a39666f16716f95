/**
 * The sign-in and reset flow as a pure reducer over a union of steps.
 * The app element feeds it user intents and the server's answers; pages only render a state.
 */
import type { ApiError } from '../api/client.js';

export type FlowState =
  | { step: 'sign-in'; identifier: string; alert?: ApiError }
  | { step: 'signed-in' }
  | { step: 'reset-email'; email: string; alert?: ApiError }
  | {
      step: 'reset-code';
      flowId: string;
      email: string;
      /** Epoch milliseconds from which "Send new code" is allowed again. */
      resendAvailableAt: number;
      alert?: ApiError;
      /** Set after a successful resend, so the page can say a new code is on its way. */
      resent?: boolean;
    }
  | { step: 'new-password'; flowId: string; email: string; alert?: ApiError }
  | { step: 'reset-done' }
  | { step: 'error'; failure: ApiError };

export type StepId = FlowState['step'];

export type FlowAction =
  | { type: 'forgot-password'; identifier: string }
  | { type: 'cancel' }
  | { type: 'signed-in' }
  | { type: 'code-sent'; flowId: string; email: string; resendAfter: number; now: number }
  | { type: 'code-resent'; resendAfter: number; now: number }
  | { type: 'change-email' }
  | { type: 'code-verified' }
  | { type: 'password-changed' }
  | { type: 'continue' }
  | { type: 'failed'; failure: ApiError; now: number };

export const initialFlowState = (identifier = ''): FlowState => ({ step: 'sign-in', identifier });

/** Errors after which the current step cannot go on: the flow is gone or out of order. */
const fatal = new Set<ApiError['error']>([
  'flow_not_found',
  'step_not_allowed',
  'tenant_not_found',
]);

export function nextFlowState(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'forgot-password':
      return {
        step: 'reset-email',
        email: action.identifier.includes('@') ? action.identifier : '',
      };
    case 'cancel':
    case 'continue':
      return initialFlowState();
    case 'signed-in':
      return { step: 'signed-in' };
    case 'code-sent':
      return {
        step: 'reset-code',
        flowId: action.flowId,
        email: action.email,
        resendAvailableAt: action.now + action.resendAfter * 1000,
      };
    case 'code-resent':
      return state.step === 'reset-code'
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
      return { step: 'reset-done' };
    case 'failed':
      return withFailure(state, action.failure, action.now);
    default:
      return assertNever(action);
  }
}

function withFailure(state: FlowState, failure: ApiError, now: number): FlowState {
  if (fatal.has(failure.error)) return { step: 'error', failure };
  switch (state.step) {
    case 'sign-in':
    case 'reset-email':
    case 'new-password':
      return { ...state, alert: failure };
    case 'reset-code': {
      const { resent: _resent, ...rest } = state;
      // A refused resend tells us when the next one is allowed; keep the countdown honest.
      const resendAvailableAt =
        failure.error === 'too_many_requests'
          ? Math.max(state.resendAvailableAt, now + failure.retryAfter * 1000)
          : state.resendAvailableAt;
      return { ...rest, resendAvailableAt, alert: failure };
    }
    case 'signed-in':
    case 'reset-done':
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

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
