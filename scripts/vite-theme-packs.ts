/**
 * Serves and emits resolved theme packs: `<base>themes/<id>.json` plus the assets they point at.
 * Dev mode resolves a pack on each request (so an edit shows on reload); `vite build` checks every
 * pack, fails on any problem and emits the files, with a PNG of each banner logo for emails. The pages fetch a pack when they need it.
 */
import type { Plugin } from 'vite';
import { mailLogoFile } from '../src/server/built-themes.js';
import { mailLogoPng } from './mail-logo.js';
import { checkPacks, packIds, resolvedPackResponse, runtimeFiles } from './theme-packs.js';

const dir = 'themes';

export function themePacks(): Plugin {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'gatehouse-theme-packs',
    configResolved(config) {
      base = config.base;
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        resolvedPackResponse(path, `${base}${dir}/`, dir, root).then((answer) => {
          if (!answer) return next();
          if (answer.status === 500) server.config.logger.error(`[theme packs] ${answer.body}`);
          response.statusCode = answer.status;
          response.setHeader('content-type', 'application/json');
          response.setHeader('cache-control', 'no-cache');
          response.end(answer.body);
        }, next);
      });
      // Packs are fetched at run time, outside the module graph: reload the page when one changes.
      server.watcher.on('change', (file) => {
        if (file.replace(/\\/g, '/').includes(`/${dir}/`)) server.ws.send({ type: 'full-reload' });
      });
    },
    async generateBundle() {
      const { themes, errors } = await checkPacks(dir, await packIds(dir, root), root);
      if (errors.length > 0) this.error(`Theme packs have problems:\n${errors.join('\n')}`);
      // Packs share inherited assets: emit each file once.
      const files = new Map<string, string | Uint8Array>();
      for (const theme of themes) {
        const own = await runtimeFiles(theme, dir, root);
        for (const [path, source] of own) files.set(path, source);
        const logo = theme.assets.bannerLogo && own.get(theme.assets.bannerLogo);
        if (logo instanceof Uint8Array) files.set(mailLogoFile(theme.id), await mailLogoPng(logo));
      }
      for (const [path, source] of files) {
        this.emitFile({ type: 'asset', fileName: `${dir}/${path}`, source });
      }
    },
  };
}
