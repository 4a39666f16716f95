/**
 * Every step of the hosted pages and the states a brand team must see it in. The error states are
 * made by the mock scenarios: the API client meets the mock API in that scenario and the failure
 * it returns is what the page shows, exactly as in `npm run dev`.
 */
import { ApiClient, type ApiResult } from '../api/client.js';
import type { Failure } from '../flow/flow-state.js';
import { startMockApi } from '../mocks/browser.js';
import type { MockBackend } from '../mocks/mock-backend.js';
import type { ScenarioName } from '../mocks/scenarios.js';

export const previewSteps = [
  'sign-in',
  'reset-email',
  'reset-code',
  'new-password',
  'reset-done',
  'reset-unavailable',
] as const;
export type PreviewStep = (typeof previewSteps)[number];

export type PreviewStateName =
  | 'ready'
  | 'wrong-password'
  | 'wrong-code'
  | 'expired-code'
  | 'password-rejected'
  | 'throttled'
  | 'server-down';

/** The states of each step; `ready` is the step as it first shows. */
export const previewStates: Record<PreviewStep, readonly PreviewStateName[]> = {
  'sign-in': ['ready', 'wrong-password', 'throttled', 'server-down'],
  'reset-email': ['ready', 'throttled', 'server-down'],
  'reset-code': ['ready', 'wrong-code', 'expired-code', 'throttled', 'server-down'],
  'new-password': ['ready', 'password-rejected', 'server-down'],
  'reset-done': ['ready'],
  'reset-unavailable': ['ready'],
};

/** `step/state` -> the failure the page shows in it. */
export type PreviewFailures = Partial<Record<string, Failure>>;

const email = 'ada@contoso.example';

type Call = (client: ApiClient, backend: MockBackend) => Promise<ApiResult<unknown>>;

async function failureIn(scenario: ScenarioName, call: Call): Promise<Failure | undefined> {
  const backend = await startMockApi({ scenario });
  const result = await call(new ApiClient({ base: '/api/v1', tenant: 'contoso' }), backend);
  return result.ok ? undefined : result.failure;
}

async function flowId(client: ApiClient): Promise<string> {
  const started = await client.call('resetStart', { body: { email } });
  if (!started.ok) throw new Error(`the mock refused a reset: ${started.failure.error}`);
  return started.value.flowId;
}

const verified = async (client: ApiClient, backend: MockBackend) => {
  const id = await flowId(client);
  await client.call('resetVerify', { flowId: id, body: { code: backend.latestCode(email) ?? '' } });
  return id;
};

/** Plays each error state's scenario on the mock API, one after another. */
export async function previewFailures(): Promise<PreviewFailures> {
  const cases: [string, ScenarioName, Call][] = [
    [
      'sign-in/wrong-password',
      'default',
      (c) => c.call('signIn', { body: { identifier: email, password: 'x' } }),
    ],
    [
      'sign-in/throttled',
      'throttled',
      (c) => c.call('signIn', { body: { identifier: email, password: 'x' } }),
    ],
    [
      'sign-in/server-down',
      'server-down',
      (c) => c.call('signIn', { body: { identifier: email, password: 'x' } }),
    ],
    ['reset-email/throttled', 'throttled', (c) => c.call('resetStart', { body: { email } })],
    ['reset-email/server-down', 'server-down', (c) => c.call('resetStart', { body: { email } })],
    [
      'reset-code/wrong-code',
      'default',
      async (c, b) => {
        const id = await flowId(c);
        return c.call('resetVerify', {
          flowId: id,
          body: { code: b.latestCode(email) === '000000' ? '111111' : '000000' },
        });
      },
    ],
    [
      'reset-code/expired-code',
      'code-expired',
      async (c, b) =>
        c.call('resetVerify', {
          flowId: await flowId(c),
          body: { code: b.latestCode(email) ?? '' },
        }),
    ],
    ['reset-code/throttled', 'throttled', (c) => c.call('resetStart', { body: { email } })],
    ['reset-code/server-down', 'server-down', (c) => c.call('resetStart', { body: { email } })],
    [
      'new-password/password-rejected',
      'default',
      async (c, b) =>
        c.call('resetPassword', { flowId: await verified(c, b), body: { password: 'password' } }),
    ],
    ['new-password/server-down', 'server-down', (c) => c.call('resetStart', { body: { email } })],
  ];
  const failures: PreviewFailures = {};
  for (const [key, scenario, call] of cases) failures[key] = await failureIn(scenario, call);
  await startMockApi({ scenario: 'default' });
  return failures;
}
