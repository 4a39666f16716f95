import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { ApiError } from '../../src/api/client.js';
import { passwordProblems } from '../../src/api/contract.schema.js';
import { nextFlowState, type FlowAction } from '../../src/flow/reducer.js';
import {
  initialFlowState,
  urlStepOf,
  type Failure,
  type FlowContext,
  type FlowState,
  type StepId,
} from '../../src/flow/flow-state.js';
import { policySteps, type Policy } from '../../src/flow/policy-steps.js';

const now = 1_700_000_000_000;
const flowId = 'Abc_def-0123456789xyz';
const email = 'ada@contoso.example';

const invalidCredentials = { error: 'invalid_credentials' } as const;
const codeRejected = { error: 'code_rejected', attemptsLeft: 2 } as const;
const passwordRejected = { error: 'password_rejected', reasons: ['common'] } satisfies ApiError;
const network = { error: 'network' } as const;
const throttled = (retryAfter: number) => ({ error: 'too_many_requests', retryAfter }) as const;

const signInPolicy = { id: 'B2C_1_signin', kind: 'sign-in', resetLink: true } as const;
const signInWithoutLink = { id: 'B2C_1_signin_nolink', kind: 'sign-in', resetLink: false } as const;
const resetPolicy = { id: 'B2C_1_passwordreset', kind: 'password-reset' } as const;
const changePolicy = { id: 'B2C_1_passwordchange', kind: 'password-change' } as const;
const redirectUri = 'https://contoso.example/auth/callback';
const signInUrl = '/contoso/B2C_1_signin?redirect_uri=https%3A%2F%2Fcontoso.example';

const context = (overrides: Partial<FlowContext> = {}): FlowContext => ({
  policy: signInPolicy,
  resetAllowed: true,
  redirectUri: undefined,
  signInUrl: undefined,
  loginHint: '',
  ...overrides,
});

/** A sign-in policy with the reset link, reset allowed, no return address: every step reachable. */
const signInContext = context();

const signIn = { step: 'sign-in', identifier: email } satisfies FlowState;
const signInAlert = {
  step: 'sign-in',
  identifier: email,
  alert: invalidCredentials,
} satisfies FlowState;
const signedIn = { step: 'signed-in' } satisfies FlowState;
const resetEmail = { step: 'reset-email', email } satisfies FlowState;
const resetCode = {
  step: 'reset-code',
  flowId,
  email,
  resendAvailableAt: now + 30_000,
} satisfies FlowState;
const resetCodeResent = { ...resetCode, resent: true } satisfies FlowState;
const resetCodeAlert = { ...resetCode, alert: codeRejected } satisfies FlowState;
const newPassword = { step: 'new-password', flowId, email } satisfies FlowState;
const resetDone = { step: 'reset-done' } satisfies FlowState;
const errorStep = { step: 'error', failure: { error: 'flow_not_found' } } satisfies FlowState;
const confirmEmail = { step: 'confirm-email', flowId, email } satisfies FlowState;
const confirmEmailAlert = { ...confirmEmail, alert: network } satisfies FlowState;
const confirmCode = {
  step: 'confirm-code',
  flowId,
  email,
  resendAvailableAt: now + 30_000,
} satisfies FlowState;
const confirmCodeResent = { ...confirmCode, resent: true } satisfies FlowState;
const confirmCodeAlert = { ...confirmCode, alert: codeRejected } satisfies FlowState;
const resetUnavailable = { step: 'reset-unavailable' } satisfies FlowState;
const redirect = { step: 'redirect', url: redirectUri } satisfies FlowState;
const routeError = { step: 'error', failure: { error: 'page_not_found' } } satisfies FlowState;
const changePassword = { step: 'change-password', email } satisfies FlowState;
const changePasswordAlert = { ...changePassword, alert: invalidCredentials } satisfies FlowState;
const passwordChanged = { step: 'password-changed' } satisfies FlowState;

/** One state per step, some with an alert, to run every action against. */
const states = [
  changePassword,
  changePasswordAlert,
  passwordChanged,
  signIn,
  signInAlert,
  confirmEmail,
  confirmEmailAlert,
  confirmCode,
  confirmCodeResent,
  confirmCodeAlert,
  signedIn,
  resetEmail,
  resetCode,
  resetCodeResent,
  resetCodeAlert,
  newPassword,
  resetDone,
  resetUnavailable,
  redirect,
  errorStep,
  routeError,
] as const;

const knownSteps: Record<StepId, true> = {
  'sign-in': true,
  'confirm-email': true,
  'confirm-code': true,
  'signed-in': true,
  'reset-email': true,
  'reset-code': true,
  'new-password': true,
  'reset-done': true,
  'reset-unavailable': true,
  'change-password': true,
  'password-changed': true,
  redirect: true,
  error: true,
};

const fatalFailures = [
  { error: 'flow_not_found' },
  { error: 'step_not_allowed' },
  { error: 'tenant_not_found' },
  { error: 'page_not_found' },
  { error: 'redirect_not_allowed' },
] as const;

const transitions = [
  [
    'forgot-password carries an email identifier',
    signIn,
    { type: 'forgot-password', identifier: email },
    { step: 'reset-email', email },
  ],
  [
    'forgot-password drops a username',
    signIn,
    { type: 'forgot-password', identifier: 'ada' },
    { step: 'reset-email', email: '' },
  ],
  [
    'forgot-password with nothing typed',
    signIn,
    { type: 'forgot-password', identifier: '' },
    { step: 'reset-email', email: '' },
  ],
  [
    'forgot-password leaves the sign-in alert behind',
    signInAlert,
    { type: 'forgot-password', identifier: email },
    { step: 'reset-email', email },
  ],
  ['signed-in', signIn, { type: 'signed-in' }, { step: 'signed-in' }],
  ['signed-in after an alert', signInAlert, { type: 'signed-in' }, { step: 'signed-in' }],
  [
    'code-sent computes resendAvailableAt from now + resendAfter',
    resetEmail,
    { type: 'code-sent', flowId, email, resendAfter: 30, now },
    { step: 'reset-code', flowId, email, resendAvailableAt: now + 30_000 },
  ],
  [
    'code-sent with resendAfter 0 allows a resend at once',
    { step: 'reset-email', email: '', alert: network },
    { type: 'code-sent', flowId, email, resendAfter: 0, now },
    { step: 'reset-code', flowId, email, resendAvailableAt: now },
  ],
  [
    'code-resent marks resent and restarts the countdown',
    resetCode,
    { type: 'code-resent', resendAfter: 30, now: now + 40_000 },
    { ...resetCode, resendAvailableAt: now + 70_000, resent: true },
  ],
  [
    'code-resent clears the alert',
    resetCodeAlert,
    { type: 'code-resent', resendAfter: 30, now: now + 40_000 },
    { ...resetCode, resendAvailableAt: now + 70_000, resent: true },
  ],
  [
    'code-resent elsewhere changes nothing',
    newPassword,
    { type: 'code-resent', resendAfter: 30, now },
    newPassword,
  ],
  [
    'change-email keeps the email',
    resetCodeAlert,
    { type: 'change-email' },
    { step: 'reset-email', email },
  ],
  ['change-email elsewhere changes nothing', signIn, { type: 'change-email' }, signIn],
  [
    'code-verified moves on with the flow and email',
    resetCodeResent,
    { type: 'code-verified' },
    { step: 'new-password', flowId, email },
  ],
  ['code-verified elsewhere changes nothing', resetEmail, { type: 'code-verified' }, resetEmail],
  ['password-changed', newPassword, { type: 'password-changed' }, { step: 'reset-done' }],
  [
    'a failure on sign-in is an alert',
    signIn,
    { type: 'failed', failure: invalidCredentials, now },
    signInAlert,
  ],
  [
    'a new failure replaces the old alert',
    signInAlert,
    { type: 'failed', failure: network, now },
    { ...signIn, alert: network },
  ],
  [
    'a failure on reset-email is an alert',
    resetEmail,
    { type: 'failed', failure: throttled(60), now },
    { ...resetEmail, alert: throttled(60) },
  ],
  [
    'a rejected password is an alert on new-password',
    newPassword,
    { type: 'failed', failure: passwordRejected, now },
    { ...newPassword, alert: passwordRejected },
  ],
  [
    'a rejected code is an alert and ends the resent notice',
    resetCodeResent,
    { type: 'failed', failure: codeRejected, now },
    resetCodeAlert,
  ],
  [
    'too_many_requests on reset-code extends the resend countdown',
    resetCode,
    { type: 'failed', failure: throttled(60), now: now + 10_000 },
    { ...resetCode, resendAvailableAt: now + 70_000, alert: throttled(60) },
  ],
  [
    'too_many_requests on reset-code never shortens the countdown',
    resetCode,
    { type: 'failed', failure: throttled(5), now: now + 10_000 },
    { ...resetCode, alert: throttled(5) },
  ],
  [
    'other failures on reset-code keep the countdown',
    resetCode,
    { type: 'failed', failure: network, now: now + 100_000 },
    { ...resetCode, alert: network },
  ],
  [
    'a failure after sign-in is an error',
    signedIn,
    { type: 'failed', failure: network, now },
    { step: 'error', failure: network },
  ],
  [
    'a failure after the reset is an error',
    resetDone,
    { type: 'failed', failure: network, now },
    { step: 'error', failure: network },
  ],
  [
    'a failure on the error step replaces the failure',
    errorStep,
    { type: 'failed', failure: network, now },
    { step: 'error', failure: network },
  ],
  [
    'continue after the reset returns to sign-in',
    resetDone,
    { type: 'continue' },
    { step: 'sign-in', identifier: '' },
  ],
  [
    'confirm-email-required asks to confirm the recovery email',
    signIn,
    { type: 'confirm-email-required', flowId, email },
    confirmEmail,
  ],
  [
    'confirm-email-required leaves the sign-in alert behind',
    signInAlert,
    { type: 'confirm-email-required', flowId, email },
    confirmEmail,
  ],
  [
    'code-sent on confirm-email moves to the confirmation code',
    confirmEmailAlert,
    { type: 'code-sent', flowId, email, resendAfter: 30, now },
    confirmCode,
  ],
  [
    'code-resent on confirm-code marks resent and clears the alert',
    confirmCodeAlert,
    { type: 'code-resent', resendAfter: 30, now: now + 40_000 },
    { ...confirmCode, resendAvailableAt: now + 70_000, resent: true },
  ],
  [
    'a rejected confirmation code is an alert and ends the resent notice',
    confirmCodeResent,
    { type: 'failed', failure: codeRejected, now },
    confirmCodeAlert,
  ],
  [
    'too_many_requests on confirm-code extends the resend countdown',
    confirmCode,
    { type: 'failed', failure: throttled(60), now: now + 10_000 },
    { ...confirmCode, resendAvailableAt: now + 70_000, alert: throttled(60) },
  ],
  [
    'a failure on confirm-email is an alert',
    confirmEmail,
    { type: 'failed', failure: network, now },
    confirmEmailAlert,
  ],
  ['a confirmed email signs in', confirmCodeAlert, { type: 'signed-in' }, signedIn],
  [
    'a failure where reset is unavailable is an error',
    resetUnavailable,
    { type: 'failed', failure: network, now },
    { step: 'error', failure: network },
  ],
  [
    'a failure while leaving is an error',
    redirect,
    { type: 'failed', failure: network, now },
    { step: 'error', failure: network },
  ],
] as const satisfies readonly (readonly [string, FlowState, FlowAction, FlowState])[];

const apiErrors: fc.Arbitrary<ApiError> = fc.oneof(
  fc
    .constantFrom(
      ...([
        'invalid_request',
        'unsupported_media_type',
        'payload_too_large',
        'invalid_credentials',
        'flow_not_found',
        'step_not_allowed',
        'tenant_not_found',
        'service_unavailable',
        'network',
        'timeout',
        'malformed_response',
        'server_error',
      ] as const),
    )
    .map((error) => ({ error }) as ApiError),
  fc.nat().map((attemptsLeft) => ({ error: 'code_rejected', attemptsLeft }) as const),
  fc.nat().map((retryAfter) => ({ error: 'too_many_requests', retryAfter }) as const),
  fc
    .uniqueArray(fc.constantFrom(...passwordProblems), { minLength: 1 })
    .map((reasons) => ({ error: 'password_rejected', reasons }) as const),
);

const failures: fc.Arbitrary<Failure> = fc.oneof(
  apiErrors,
  fc.constantFrom(...([{ error: 'page_not_found' }, { error: 'redirect_not_allowed' }] as const)),
);

const times = fc.integer({ min: 0, max: 4_000_000_000_000 });

const actions: fc.Arbitrary<FlowAction> = fc.oneof(
  fc.string().map((identifier) => ({ type: 'forgot-password', identifier }) as const),
  fc.constantFrom(
    ...([
      { type: 'cancel' },
      { type: 'signed-in' },
      { type: 'change-email' },
      { type: 'code-verified' },
      { type: 'password-changed' },
      { type: 'continue' },
    ] as const),
  ),
  fc
    .record({ flowId: fc.string(), email: fc.string() })
    .map((fields) => ({ type: 'confirm-email-required', ...fields }) as const),
  fc
    .record({ flowId: fc.string(), email: fc.string(), resendAfter: fc.nat(), now: times })
    .map((fields) => ({ type: 'code-sent', ...fields }) as const),
  fc
    .record({ resendAfter: fc.nat(), now: times })
    .map((fields) => ({ type: 'code-resent', ...fields }) as const),
  fc
    .record({ failure: failures, now: times })
    .map((fields) => ({ type: 'failed', ...fields }) as const),
);

/** [label, context, first state]: where each policy starts. */
const initialCases = [
  ['a sign-in policy starts empty', context(), { step: 'sign-in', identifier: '' }],
  ['a sign-in policy takes an email hint', context({ loginHint: email }), signIn],
  [
    'a sign-in policy takes a username hint',
    context({ loginHint: 'ada' }),
    { step: 'sign-in', identifier: 'ada' },
  ],
  [
    'a sign-in policy signs in where nobody may reset',
    context({ resetAllowed: false, loginHint: email }),
    signIn,
  ],
  [
    'a sign-in policy without the reset link',
    context({ policy: signInWithoutLink, loginHint: email }),
    signIn,
  ],
  [
    'a sign-in policy with return addresses',
    context({ redirectUri, signInUrl }),
    { step: 'sign-in', identifier: '' },
  ],
  [
    'a reset policy starts on the email',
    context({ policy: resetPolicy }),
    { step: 'reset-email', email: '' },
  ],
  [
    'a reset policy takes an email hint',
    context({ policy: resetPolicy, loginHint: email }),
    resetEmail,
  ],
  [
    'a reset policy drops a username hint',
    context({ policy: resetPolicy, loginHint: 'ada' }),
    { step: 'reset-email', email: '' },
  ],
  [
    'a reset policy where nobody may reset',
    context({ policy: resetPolicy, resetAllowed: false, loginHint: email }),
    resetUnavailable,
  ],
  [
    'a reset policy where nobody may reset, with return addresses',
    context({ policy: resetPolicy, resetAllowed: false, redirectUri, signInUrl }),
    resetUnavailable,
  ],
] as const satisfies readonly (readonly [string, FlowContext, FlowState])[];

const signInPolicies = [signInPolicy, signInWithoutLink] as const;
const resetSwitches = [true, false] as const;
/** [redirectUri, signInUrl]: every combination of the two return addresses. */
const returnAddresses = [
  [undefined, undefined],
  [redirectUri, undefined],
  [undefined, signInUrl],
  [redirectUri, signInUrl],
] as const;

/**
 * [resetAllowed, redirectUri, signInUrl, where Cancel and Continue go] in a password-reset policy
 * opened with `login_hint` set to an email.
 */
const resetLeaveCases = [
  [true, redirectUri, signInUrl, redirect],
  [true, redirectUri, undefined, redirect],
  [true, undefined, signInUrl, { step: 'redirect', url: signInUrl }],
  [true, undefined, undefined, resetEmail],
  [false, redirectUri, signInUrl, redirect],
  [false, redirectUri, undefined, redirect],
  [false, undefined, signInUrl, { step: 'redirect', url: signInUrl }],
  [false, undefined, undefined, resetUnavailable],
] as const satisfies readonly (readonly [
  boolean,
  string | undefined,
  string | undefined,
  FlowState,
])[];

/** [redirectUri, signInUrl, where a successful sign-in goes]. */
const signedInCases = [
  [undefined, undefined, signedIn],
  [undefined, signInUrl, signedIn],
  [redirectUri, undefined, redirect],
  [redirectUri, signInUrl, redirect],
] as const;

/** [policy, resetAllowed, whether "Can't access your account?" leads to the reset]. */
const forgotPasswordCases = [
  [signInPolicy, true, true],
  [signInPolicy, false, false],
  [signInWithoutLink, true, false],
  [signInWithoutLink, false, false],
  [resetPolicy, true, false],
  [resetPolicy, false, false],
] as const satisfies readonly (readonly [Policy, boolean, boolean])[];

/** Actions that belong to particular steps, with those steps; from any other they change nothing. */
const guardedActions = [
  [{ type: 'forgot-password', identifier: email }, ['sign-in']],
  [{ type: 'signed-in' }, ['sign-in', 'confirm-code']],
  [{ type: 'confirm-email-required', flowId, email }, ['sign-in']],
  [{ type: 'code-sent', flowId, email, resendAfter: 30, now }, ['reset-email', 'confirm-email']],
  [{ type: 'code-resent', resendAfter: 30, now: now + 40_000 }, ['reset-code', 'confirm-code']],
  [{ type: 'change-email' }, ['reset-code']],
  [{ type: 'code-verified' }, ['reset-code']],
  [{ type: 'password-changed' }, ['new-password', 'change-password']],
] as const satisfies readonly (readonly [FlowAction, readonly StepId[]])[];

const policies: fc.Arbitrary<Policy> = fc.oneof(
  fc.boolean().map((resetLink) => ({ ...signInPolicy, resetLink })),
  fc.constant(resetPolicy),
  fc.constant(changePolicy),
);

const addresses = fc.option(fc.oneof(fc.webUrl(), fc.string()), { nil: undefined });

const contexts: fc.Arbitrary<FlowContext> = fc.record({
  policy: policies,
  resetAllowed: fc.boolean(),
  redirectUri: addresses,
  signInUrl: addresses,
  loginHint: fc.string(),
});

describe('flow/reducer', () => {
  for (const [label, flowContext, expected] of initialCases) {
    it(`starts ${label} on ${expected.step}`, () => {
      expect(initialFlowState(flowContext)).to.deep.equal(expected);
    });
  }

  for (const [label, state, action, expected] of transitions) {
    it(`${label}: ${state.step} + ${action.type} -> ${expected.step}`, () => {
      expect(nextFlowState(state, action, signInContext)).to.deep.equal(expected);
    });
  }

  for (const state of states) {
    it(`cancel returns to sign-in from ${JSON.stringify(state)}`, () => {
      expect(nextFlowState(state, { type: 'cancel' }, signInContext)).to.deep.equal({
        step: 'sign-in',
        identifier: '',
      });
    });

    it(`continue returns to sign-in from ${JSON.stringify(state)}`, () => {
      expect(nextFlowState(state, { type: 'continue' }, signInContext)).to.deep.equal({
        step: 'sign-in',
        identifier: '',
      });
    });

    for (const failure of fatalFailures) {
      it(`${failure.error} ends ${JSON.stringify(state)} on the error step`, () => {
        expect(nextFlowState(state, { type: 'failed', failure, now }, signInContext)).to.deep.equal(
          { step: 'error', failure },
        );
      });
    }
  }

  describe('leaving a sign-in policy', () => {
    for (const policy of signInPolicies) {
      for (const resetAllowed of resetSwitches) {
        for (const [returnTo, signInAt] of returnAddresses) {
          const flowContext = context({
            policy,
            resetAllowed,
            redirectUri: returnTo,
            signInUrl: signInAt,
            loginHint: email,
          });
          it(`goes back to an empty sign-in (resetLink ${policy.resetLink}, reset ${resetAllowed}, redirectUri ${returnTo}, signInUrl ${signInAt})`, () => {
            for (const type of ['cancel', 'continue'] as const) {
              for (const state of states) {
                expect(
                  nextFlowState(state, { type }, flowContext),
                  `${type} from ${state.step}`,
                ).to.deep.equal({ step: 'sign-in', identifier: '' });
              }
            }
          });
        }
      }
    }
  });

  describe('leaving a password-reset policy', () => {
    for (const [resetAllowed, returnTo, signInAt, expected] of resetLeaveCases) {
      const flowContext = context({
        policy: resetPolicy,
        resetAllowed,
        redirectUri: returnTo,
        signInUrl: signInAt,
        loginHint: email,
      });
      for (const type of ['cancel', 'continue'] as const) {
        it(`${type} goes to ${JSON.stringify(expected)} (reset ${resetAllowed}, redirectUri ${returnTo}, signInUrl ${signInAt})`, () => {
          for (const state of states) {
            expect(nextFlowState(state, { type }, flowContext), `from ${state.step}`).to.deep.equal(
              expected,
            );
          }
        });
      }
    }
  });

  describe('signing in', () => {
    for (const [returnTo, signInAt, expected] of signedInCases) {
      it(`goes to ${JSON.stringify(expected)} (redirectUri ${returnTo}, signInUrl ${signInAt})`, () => {
        for (const policy of signInPolicies) {
          for (const resetAllowed of resetSwitches) {
            const flowContext = context({
              policy,
              resetAllowed,
              redirectUri: returnTo,
              signInUrl: signInAt,
            });
            for (const state of [signIn, signInAlert, confirmCode, confirmCodeAlert] as const) {
              expect(
                nextFlowState(state, { type: 'signed-in' }, flowContext),
                `${policy.id}, reset ${resetAllowed}, from ${state.step}`,
              ).to.deep.equal(expected);
            }
          }
        }
      });
    }
  });

  describe('changing the password', () => {
    const changing = (redirectTo: string | undefined) =>
      context({ policy: changePolicy, redirectUri: redirectTo });

    it('starts at sign-in, and goes on to the change once signed in', () => {
      expect(initialFlowState(changing(undefined))).to.deep.equal({
        step: 'sign-in',
        identifier: '',
      });
      expect(nextFlowState(signIn, { type: 'signed-in' }, changing(redirectUri))).to.deep.equal(
        changePassword,
      );
      expect(nextFlowState(confirmCode, { type: 'signed-in' }, changing(undefined))).to.deep.equal(
        changePassword,
      );
    });

    it('ends on its own page, or at the return address when there is one', () => {
      const done = { type: 'password-changed' } as const;
      expect(nextFlowState(changePasswordAlert, done, changing(undefined))).to.deep.equal(
        passwordChanged,
      );
      expect(nextFlowState(changePassword, done, changing(redirectUri))).to.deep.equal(redirect);
    });

    it('keeps a wrong current password on the step, and sends an ended session to sign-in', () => {
      const failed = (failure: Failure) => ({ type: 'failed', failure, now }) as const;
      expect(
        nextFlowState(changePassword, failed(invalidCredentials), changing(undefined)),
      ).to.deep.equal(changePasswordAlert);
      expect(
        nextFlowState(changePassword, failed({ error: 'session_required' }), changing(undefined)),
      ).to.deep.equal({ step: 'sign-in', identifier: email, alert: { error: 'session_required' } });
    });
  });

  describe('forgot-password', () => {
    for (const [policy, resetAllowed, opens] of forgotPasswordCases) {
      it(`${opens ? 'opens' : 'does not open'} the reset in ${policy.id} with reset ${resetAllowed}`, () => {
        for (const [returnTo, signInAt] of returnAddresses) {
          const flowContext = context({
            policy,
            resetAllowed,
            redirectUri: returnTo,
            signInUrl: signInAt,
          });
          const next = nextFlowState(
            signInAlert,
            { type: 'forgot-password', identifier: email },
            flowContext,
          );
          if (opens) expect(next).to.deep.equal(resetEmail);
          else expect(next).to.equal(signInAlert);
        }
      });
    }
  });

  describe('step guards', () => {
    for (const [action, from] of guardedActions) {
      it(`${action.type} changes only ${from.join(' and ')}`, () => {
        for (const state of states) {
          const next = nextFlowState(state, action, signInContext);
          if ((from as readonly StepId[]).includes(state.step)) {
            expect(next, `from ${JSON.stringify(state)}`).to.not.deep.equal(state);
          } else {
            expect(next, `from ${JSON.stringify(state)}`).to.equal(state);
          }
        }
      });
    }
  });

  describe('urlStepOf', () => {
    it('names the step of every page', () => {
      for (const state of states.filter((s) => s.step !== 'error' && s.step !== 'redirect')) {
        expect(urlStepOf(state)).to.equal(state.step);
      }
    });

    for (const state of [redirect, errorStep, routeError] as const) {
      it(`keeps ${state.step} out of the URL`, () => {
        expect(urlStepOf(state)).to.equal(undefined);
      });
    }
  });

  it('does not change the state or the context it is given', () => {
    const flowContext = context({ policy: resetPolicy, redirectUri, signInUrl });
    const contextBefore = structuredClone(flowContext);
    for (const state of [resetCodeResent, confirmCodeResent] as const) {
      const before = structuredClone(state);
      nextFlowState(state, { type: 'failed', failure: throttled(60), now }, flowContext);
      nextFlowState(state, { type: 'code-resent', resendAfter: 30, now }, flowContext);
      nextFlowState(state, { type: 'cancel' }, flowContext);
      expect(state).to.deep.equal(before);
    }
    expect(flowContext).to.deep.equal(contextBefore);
  });

  it('never throws, stays on known steps of its policy and leaves only for allowed addresses', () => {
    fc.assert(
      fc.property(contexts, fc.array(actions, { maxLength: 40 }), (flowContext, sequence) => {
        const contextBefore = structuredClone(flowContext);
        const policyStepIds: readonly string[] = policySteps(
          flowContext.policy,
          flowContext.resetAllowed,
        );
        const check = (state: FlowState) => {
          expect(Object.hasOwn(knownSteps, state.step), state.step).to.equal(true);
          const urlStep = urlStepOf(state);
          if (urlStep !== undefined) {
            expect(policyStepIds, `${urlStep} in ${flowContext.policy.kind}`).to.include(urlStep);
          }
          if (state.step === 'redirect') {
            expect(state.url).to.not.equal('');
            expect([flowContext.redirectUri, flowContext.signInUrl]).to.include(state.url);
          }
          if (state.step === 'reset-code' || state.step === 'confirm-code') {
            expect(state.resent && state.alert, 'resent with an alert').to.not.be.ok;
            expect(Number.isFinite(state.resendAvailableAt)).to.equal(true);
          }
          if (state.step === 'error') expect(state.failure).to.be.an('object');
        };
        let state = initialFlowState(flowContext);
        check(state);
        for (const action of sequence) {
          state = nextFlowState(state, action, flowContext);
          check(state);
        }
        expect(flowContext).to.deep.equal(contextBefore);
      }),
      { numRuns: 500 },
    );
  });
});
