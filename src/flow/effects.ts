/**
 * The flow's effects: for each submission (and the resend link), the API call it makes and the
 * action its answer becomes. The reducer (reducer.ts) turns actions into states; the app's flow
 * controller runs these, one at a time, in one place. This module, the reducer and the API client
 * load with the first action (or ahead of it, once the first page has painted), never with it.
 */
import { ApiClient, type ApiClientOptions, type ApiResult } from '../api/client.js';
import type { FlowContext, FlowState, StepSubmission } from './flow-state.js';
import type { FlowAction } from './reducer.js';
import { clientIdOf } from './authorize-url.js';
import { resetStartBody } from './reset-start-body.js';

// The reducer loads with the effects: every action the first page can take waits for a chunk anyway.
export { nextFlowState } from './reducer.js';

/** What the user asked of the flow: a step's submission, or another code. */
export type Intent = StepSubmission | { step: 'resend' };

interface Effect<T> {
  call: (client: ApiClient) => Promise<ApiResult<T>>;
  done: (value: T, now: number) => FlowAction;
}

const effect = <T>(call: Effect<T>['call'], done: Effect<T>['done']): Effect<unknown> =>
  ({ call, done }) as Effect<unknown>;

/** The named effects; each has none when the state cannot take its intent. */
const effects: {
  [S in Intent['step']]: (
    intent: Extract<Intent, { step: S }>,
    state: FlowState,
    context: FlowContext,
    api: ApiClientOptions,
  ) => Effect<unknown> | undefined;
} = {
  'sign-in': ({ identifier, password }, _, context, api) =>
    effect(
      (client) =>
        client.call('signIn', {
          body: {
            identifier,
            password,
            ...(context.app ? { clientId: clientIdOf(context.app, api.base) } : {}),
          },
        }),
      (value): FlowAction =>
        value.status === 'signed-in'
          ? { type: 'signed-in', ...(value.ticket ? { ticket: value.ticket } : {}) }
          : {
              type: 'confirm-email-required',
              flowId: value.flowId,
              // No address yet: the user registers one.
              email: value.status === 'confirm-email' ? value.email : '',
            },
    ),
  'confirm-email': ({ email }, state) =>
    state.step === 'confirm-email'
      ? effect(
          (client) =>
            client.call('emailConfirmSend', {
              flowId: state.flowId,
              body: email === undefined ? {} : { email },
            }),
          (value, now) => ({
            type: 'code-sent',
            flowId: state.flowId,
            email: email ?? state.email,
            now,
            ...value,
          }),
        )
      : undefined,
  'confirm-code': ({ code }, state) =>
    state.step === 'confirm-code'
      ? effect(
          (client) => client.call('emailConfirmVerify', { flowId: state.flowId, body: { code } }),
          () => ({ type: 'signed-in' }),
        )
      : undefined,
  'reset-email': ({ email }) =>
    effect(
      (client) => client.call('resetStart', { body: resetStartBody(email) }),
      (value, now) => ({ type: 'code-sent', email, now, ...value }),
    ),
  'reset-code': ({ code }, state) =>
    state.step === 'reset-code'
      ? effect(
          (client) => client.call('resetVerify', { flowId: state.flowId, body: { code } }),
          () => ({ type: 'code-verified' }),
        )
      : undefined,
  'new-password': ({ password }, state) =>
    state.step === 'new-password'
      ? effect(
          (client) => client.call('resetPassword', { flowId: state.flowId, body: { password } }),
          () => ({ type: 'password-changed' }),
        )
      : undefined,
  'change-password': ({ currentPassword, password }, state) =>
    state.step === 'change-password'
      ? effect(
          (client) => client.call('passwordChange', { body: { currentPassword, password } }),
          () => ({ type: 'password-changed' }),
        )
      : undefined,
  resend: (_, state) =>
    state.step === 'reset-code' || state.step === 'confirm-code'
      ? effect(
          (client) =>
            state.step === 'reset-code'
              ? client.call('resetResend', { flowId: state.flowId, body: {} })
              : client.call('emailConfirmSend', { flowId: state.flowId, body: {} }),
          (value, now) => ({ type: 'code-resent', now, ...value }),
        )
      : undefined,
};

/** The action that `intent`'s answer becomes in `state`; none when the state cannot take it. */
export async function runEffect(
  api: ApiClientOptions,
  intent: Intent,
  state: FlowState,
  context: FlowContext,
): Promise<FlowAction | undefined> {
  const run = (
    effects[intent.step] as (
      i: Intent,
      s: FlowState,
      c: FlowContext,
      a: ApiClientOptions,
    ) => Effect<unknown> | undefined
  )(intent, state, context, api);
  if (!run) return undefined;
  const result = await run.call(new ApiClient(api));
  return result.ok
    ? run.done(result.value, Date.now())
    : { type: 'failed', failure: result.failure, now: Date.now() };
}

/**
 * A code step restored from the history (Back, reload) as the server now sees its flow: verified
 * moves on to the new password, else the code step with the server's resend delay. None when
 * the server no longer knows the flow.
 */
export async function restoreStep(
  api: ApiClientOptions,
  { flowId, email }: { flowId: string; email: string },
): Promise<FlowState | undefined> {
  const status = await new ApiClient(api).call('resetStatus', { flowId });
  if (!status.ok) return undefined;
  return status.value.verified
    ? { step: 'new-password', flowId, email }
    : {
        step: 'reset-code',
        flowId,
        email,
        resendAvailableAt: Date.now() + status.value.resendAfter * 1000,
      };
}

/** Who is signed in to the tenant, if anyone: a password change skips its sign-in for them. */
export async function signedInAs(api: ApiClientOptions): Promise<string | undefined> {
  const session = await new ApiClient(api).call('session');
  return session.ok && session.value.signedIn ? session.value.email : undefined;
}
