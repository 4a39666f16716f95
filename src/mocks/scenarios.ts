/**
 * Named business cases the mock API can play, shared by dev mode (`?scenario=...`) and tests.
 */
export const scenarioNames = [
  'default',
  'code-expired',
  'locked-account',
  'throttled',
  'server-down',
  'network-down',
  'malformed-response',
  'slow',
] as const;

export type ScenarioName = (typeof scenarioNames)[number];

export const scenarioDescriptions: Record<ScenarioName, string> = {
  default: 'The contract as specified: codes live 600 s, 5 tries, 30 s between sends.',
  'code-expired': 'Every code has expired by the time it is entered.',
  'locked-account': 'Every account is locked: sign-in fails with the usual message.',
  throttled: 'Every action is refused with 429 and Retry-After: 60.',
  'server-down': 'Every request answers 503 service_unavailable.',
  'network-down': 'Every request fails at the network level.',
  'malformed-response': 'Actions answer 200 with an HTML error page instead of JSON.',
  slow: 'Every answer takes 2 s, to see busy states.',
};

export function isScenarioName(value: string | null | undefined): value is ScenarioName {
  return (scenarioNames as readonly string[]).includes(value ?? '');
}
