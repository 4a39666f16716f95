/** The conformance suite against the mock API: msw's handlers over the in-memory backend. */
import { setupServer } from 'msw/node';
import { demoTenants } from '../../src/demo/demo-tenants.js';
import { createHandlers } from '../../src/mocks/handlers.js';
import { MockBackend } from '../../src/mocks/mock-backend.js';
import { conformanceAccounts, contractSuite } from './contract-suite.js';

contractSuite('the mock API', async () => {
  let offset = 0;
  const tenants = demoTenants().map((demo) =>
    demo.tenant.id === 'contoso' ? { ...demo, users: conformanceAccounts } : demo,
  );
  const backend = new MockBackend({ tenants, now: () => Date.now() + offset });
  // msw answers before the request leaves the process; the address is loopback all the same.
  const base = 'http://127.0.0.1:9/api/v1';
  const server = setupServer(...createHandlers(backend, 'default', base));
  server.listen({ onUnhandledRequest: 'error' });
  return {
    base,
    async code(email, nth) {
      const codes = backend.outbox.filter((mail) => mail.to === email && mail.code);
      const mail = codes[nth - 1];
      if (!mail?.code) throw new Error(`No code #${nth} to ${email} (got ${codes.length})`);
      return mail.code;
    },
    advance(ms) {
      offset += ms;
    },
    close: async () => server.close(),
  };
});
