/**
 * The built pages (`vite build` into dist/): hashed assets and resolved theme packs as static
 * files, and index.html at every hosted URL `/{tenant}/{policy}[/{step}]` with the tenant's
 * Content Security Policy. The app itself shows the translated error page for URLs that name
 * nothing; the status says 404 all the same.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { parseRoute } from '../../router/route.js';
import type { Tenant } from '../../policy/tenant.js';
import type { TenantRegistry } from '../tenants.js';
import { pageCsp } from './security-headers.js';

export async function readIndexHtml(distDir: string): Promise<string> {
  const file = join(distDir, 'index.html');
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: build the pages first (npm run build, or npm start)`);
  }
}

export function pageRoutes(distDir: string, indexHtml: string, tenants: TenantRegistry) {
  const pages = new Hono();

  const page = (c: Context, tenant: Tenant | undefined, found: boolean) => {
    c.header('Content-Security-Policy', pageCsp(tenant?.embeddingOrigins ?? []));
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml, found ? 200 : 404);
  };

  pages.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      // The build writes .br and .gz copies beside each asset (scripts/vite-precompress.ts).
      precompressed: true,
      // Vite puts a content hash in every asset name, so a name never changes meaning.
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        c.header('Vary', 'Accept-Encoding');
      },
    }),
  );
  pages.use(
    '/themes/*',
    serveStatic({
      root: distDir,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'no-cache');
        c.header('Vary', 'Accept-Encoding');
      },
    }),
  );

  pages.get('*', (c) => {
    const url = new URL(c.req.url);
    const segments = url.pathname.split('/').filter(Boolean);
    // `/contoso` is what people type: send them to the tenant's first policy.
    if (segments.length === 1) {
      const tenant = tenants.get(segments[0]!);
      if (tenant) return c.redirect(`/${tenant.id}/${tenant.policies[0]!.id}${url.search}`, 302);
    }
    const route = parseRoute(url);
    const tenant = route.ok ? tenants.get(route.route.tenant) : undefined;
    const policy =
      route.ok && tenant?.policies.some((candidate) => candidate.id === route.route.policy);
    return page(c, tenant, policy === true);
  });

  return pages;
}
