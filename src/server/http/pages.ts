/**
 * The built pages (`vite build` into dist/): hashed assets and resolved theme packs as static
 * files, and index.html at every hosted URL `/{tenant}/{policy}[/{step}]` with the tenant's
 * Content Security Policy and boot data (its settings and theme pack, so that the first page
 * paints without another request). The app itself shows the translated error page for URLs that
 * name nothing; the status says 404 all the same.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { tenantConfigSchema } from '../../api/contract.js';
import { bootDataScript } from '../../app/boot-data.js';
import { parseRoute } from '../../router/route.js';
import { publicTenantConfig, type Tenant } from '../../policy/tenant.js';
import type { ResolvedTheme } from '../../theme/resolved-theme.js';
import { readBuiltTheme } from '../built-themes.js';
import type { Logger } from '../log.js';
import type { TenantRegistry } from '../tenants.js';
import { pageCsp } from './security-headers.js';

/** index.html as each tenant's pages get it; URLs that name no tenant get it bare. */
export type HostedPages = (tenant: Tenant | undefined) => string;

export async function loadHostedPages(
  distDir: string,
  tenants: TenantRegistry,
  log: Logger,
): Promise<HostedPages> {
  const file = join(distDir, 'index.html');
  let indexHtml: string;
  try {
    indexHtml = await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: build the pages first (npm run build, or npm start)`);
  }
  if (!indexHtml.includes('</head>')) throw new Error(`${file} has no </head>`);
  const themes = new Map<string, ResolvedTheme | undefined>();
  for (const { theme } of tenants.values()) {
    if (themes.has(theme)) continue;
    const parsed = await readBuiltTheme(distDir, theme);
    // The page still works without it: the app asks for the pack and, failing that, keeps the base theme.
    if (!parsed.ok) log.warn('page_theme_unusable', { theme, problems: parsed.errors.join('; ') });
    themes.set(theme, parsed.ok ? parsed.value : undefined);
  }
  const byTenant = new Map(
    [...tenants.values()].map((tenant) => {
      const boot = bootDataScript({
        config: tenantConfigSchema.parse(publicTenantConfig(tenant)),
        theme: themes.get(tenant.theme),
      });
      return [tenant.id, indexHtml.replace('</head>', `${boot}</head>`)];
    }),
  );
  return (tenant) => (tenant && byTenant.get(tenant.id)) ?? indexHtml;
}

export function pageRoutes(distDir: string, hostedPages: HostedPages, tenants: TenantRegistry) {
  const pages = new Hono();

  const page = (c: Context, tenant: Tenant | undefined, found: boolean) => {
    c.header('Content-Security-Policy', pageCsp(tenant?.embeddingOrigins ?? []));
    c.header('Cache-Control', 'no-cache');
    return c.html(hostedPages(tenant), found ? 200 : 404);
  };

  /** Files of the build, in the copy the browser accepts: the build writes .br and .gz beside each. */
  const builtFiles = (cacheControl: string) =>
    serveStatic({
      root: distDir,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', cacheControl);
        c.header('Vary', 'Accept-Encoding');
      },
    });
  // Vite puts a content hash in every asset name, so a name never changes meaning.
  pages.use('/assets/*', builtFiles('public, max-age=31536000, immutable'));
  pages.use('/themes/*', builtFiles('no-cache'));

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
