// Browser tests in Debian's headless Chromium: components by role and label, the app against msw.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countReporter } from './test/support/count-reporter.js';
import { chromiumArgs, chromiumPath } from './test/support/chromium.js';
import { rawFiles, themePacks } from './test/support/theme-middleware.js';

const require = createRequire(import.meta.url);

/** msw's service worker has to be served from the root of the test server. */
function mockServiceWorker(context, next) {
  if (context.path !== '/mockServiceWorker.js') return next();
  return readFile(require.resolve('msw/mockServiceWorker.js'), 'utf8').then((body) => {
    context.type = 'text/javascript';
    context.body = body;
  });
}

export default {
  // test/server/ and test/conformance/ hold Node tests (`npm run test:node`).
  files: ['test/**/*.test.ts', '!test/server/**', '!test/conformance/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // Axe checks time out when two pages share the two cores (docs/testing.md#axe-concurrency).
  concurrency: 1,
  testsFinishTimeout: 5 * 60_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [mockServiceWorker, themePacks, rawFiles],
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [...chromiumArgs, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'gatehouse-wtr-'))}`],
      },
    }),
  ],
  reporters: [countReporter(), defaultReporter()],
};
