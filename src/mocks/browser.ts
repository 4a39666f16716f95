import { setupWorker } from 'msw/browser';
import { createHandlers, scenarioBackendOptions } from './handlers.js';
import { MockBackend, type MockBackendOptions } from './mock-backend.js';
import { demoTenants } from './demo-tenants.js';
import type { ScenarioName } from './scenarios.js';

export interface MockApiOptions extends Partial<MockBackendOptions> {
  scenario?: ScenarioName;
  base?: string;
}

/**
 * Starts the mock API in this page (a service worker answers `fetch`), for dev mode, the
 * mock-backed `npm start` and the browser tests. Returns the backend so callers can read its outbox.
 */
export async function startMockApi({
  scenario = 'default',
  base,
  ...options
}: MockApiOptions = {}) {
  const backend = new MockBackend({
    tenants: demoTenants,
    ...scenarioBackendOptions(scenario),
    ...options,
  });
  const worker = setupWorker(...createHandlers(backend, scenario, base));
  await worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return { worker, backend };
}
