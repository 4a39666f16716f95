import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHandlers, scenarioBackendOptions } from './handlers.js';
import { MockBackend, type MockBackendOptions } from './mock-backend.js';
import { demoTenants } from '../demo/demo-tenants.js';
import type { ScenarioName } from './scenarios.js';

export interface MockApiOptions extends Partial<MockBackendOptions> {
  scenario?: ScenarioName;
  base?: string;
}

let worker: SetupWorker | undefined;

/**
 * Starts the mock API in this page (a service worker answers `fetch`), for dev mode, the
 * mock-backed `npm start` and the browser tests. A page has one worker: calling again swaps in a
 * fresh backend and scenario. Returns the backend so callers can read its outbox.
 */
export async function startMockApi({
  scenario = 'default',
  base,
  ...options
}: MockApiOptions = {}) {
  const backend = new MockBackend({
    tenants: demoTenants(),
    ...scenarioBackendOptions(scenario),
    ...options,
  });
  const handlers = createHandlers(backend, scenario, base);
  if (worker) {
    worker.resetHandlers(...handlers);
  } else {
    worker = setupWorker(...handlers);
    await worker.start({
      quiet: true,
      onUnhandledRequest: 'bypass',
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
  }
  return backend;
}
