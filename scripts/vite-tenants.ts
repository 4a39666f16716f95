/**
 * Dev mode's tenants come from the tenants folder, read and validated as the server reads them
 * (`TENANTS_DIR`, default `tenants/`): a new tenant file works in `npm run dev` without a code
 * change, and a broken one stops the page with the server's messages. The mock API imports them
 * as `virtual:gatehouse/tenants`; adding, changing or removing a file reloads the page.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadTenants } from '../src/server/tenants.js';

export const tenantsModule = 'virtual:gatehouse/tenants';
const resolvedId = `\0${tenantsModule}`;

export function devTenants(): Plugin {
  let dir = '';
  return {
    name: 'gatehouse-dev-tenants',
    configResolved(config) {
      dir = resolve(config.root, process.env.TENANTS_DIR ?? 'tenants');
    },
    resolveId: (id) => (id === tenantsModule ? resolvedId : undefined),
    async load(id) {
      if (id !== resolvedId) return undefined;
      const tenants = await loadTenants(dir);
      return `export default ${JSON.stringify([...tenants.values()])};`;
    },
    configureServer(server) {
      server.watcher.add(dir);
      const changed = (file: string) => {
        if (!resolve(file).startsWith(`${dir}/`) || !file.endsWith('.json')) return;
        const module = server.moduleGraph.getModuleById(resolvedId);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
    },
  };
}
