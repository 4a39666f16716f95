import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { themePacks } from './scripts/vite-theme-packs.js';

const require = createRequire(import.meta.url);
const workerFile = 'mockServiceWorker.js';

/**
 * msw's service worker must be served from the site root. Serve it straight from the msw package
 * in dev, and emit it only into mock builds, so a production build never ships it.
 */
function mockServiceWorker(mode: string): Plugin {
  const source = () => readFile(require.resolve(`msw/${workerFile}`), 'utf8');
  return {
    name: 'gatehouse-mock-service-worker',
    configureServer(server) {
      server.middlewares.use(`/${workerFile}`, (_request, response) => {
        void source().then((code) => {
          response.setHeader('content-type', 'text/javascript');
          response.end(code);
        });
      });
    },
    async generateBundle() {
      if (mode === 'mock') {
        this.emitFile({ type: 'asset', fileName: workerFile, source: await source() });
      }
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [mockServiceWorker(mode), themePacks()],
  build: { target: 'es2022' },
  preview: { port: 8080, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
}));
