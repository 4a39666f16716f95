import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './scripts/vite-precompress.js';
import { minifyCssLiterals } from './scripts/vite-minify-css.js';
import { themePacks } from './scripts/vite-theme-packs.js';
import { devTenants } from './scripts/vite-tenants.js';

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

/**
 * Vite wraps every dynamic import in a helper that preloads the chunk's dependencies and CSS. With
 * `modulePreload: false` and no CSS files (the elements carry their styles) it is handed no
 * dependencies at all, yet its code still went out with the app (docs/performance.md).
 */
function plainDynamicImports(): Plugin {
  return {
    name: 'gatehouse-plain-dynamic-imports',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (id === '\0vite/preload-helper.js')
        return 'export const __vitePreload = (load) => load();';
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [
    plainDynamicImports(),
    minifyCssLiterals(),
    mockServiceWorker(mode),
    devTenants(),
    themePacks(),
    precompress(),
  ],
  build: {
    target: 'es2022',
    // Terser's extra passes over the whole module take about 50 B more off the first load than
    // the default minifier (docs/performance.md).
    minify: 'terser',
    terserOptions: { ecma: 2020, module: true, toplevel: true, compress: { passes: 3 } },
    // No preload helper: the later steps' chunks are fetched ahead while the first page is read,
    // so preloading their imports gains nothing, and the helper cost the first load 284 B
    // (docs/performance.md).
    modulePreload: false,
    rolldownOptions: {
      output: {
        // The app that takes over the server's form in one file, with everything it imports: split
        // into shared chunks, the same code cost more in export lists and chunk overhead
        // (docs/performance.md).
        codeSplitting: {
          groups: [
            // Shared by the script tag and the app: the tag must not import the app to get them.
            { name: 'runtime', test: /preload-helper|rolldown[:/]runtime/, priority: 2 },
            { name: 'main', test: /\/src\/main\.ts$/, includeDependenciesRecursively: true },
          ],
        },
      },
    },
  },
  preview: { port: 8080, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
}));
