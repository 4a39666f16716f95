/**
 * The built pages (`vite build` into dist/): hashed assets and resolved theme packs as static
 * files, and index.html at every hosted URL `/{tenant}/{policy}[/{step}]` with the tenant's
 * Content Security Policy and boot data (its settings and theme pack, so that the first page
 * paints without another request), and the sign-in form rendered in (first-page.ts). The app itself shows the translated error page for URLs that
 * name nothing; the status says 404 all the same.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { serveStatic } from '@hono/node-server/serve-static';
import { tenantConfigSchema, type TenantConfig } from '../../api/contract.schema.js';
import { bootDataScript } from '../../app/boot-data.js';
import {
  chosenLocaleCookie,
  enabledLocales,
  negotiateLocale,
} from '../../i18n/negotiate-locale.js';
import { pageTextOverrides } from '../../app/page-text-overrides.js';
import { urlFlowState, type FlowContext } from '../../flow/flow-state.js';
import { policySteps } from '../../flow/policy-steps.js';
import { stepParts, stepTemplate } from '../../app/step-template.js';
import { firstStep, type StartFailure } from '../../app/first-step.js';
import { parseRoute, routeUrl, type Route } from '../../router/route.js';
import { publicTenantConfig } from '../../app/public-tenant-config.js';
import { type Tenant } from '../../tenant/tenant.schema.js';
import type { ResolvedTheme } from '../../theme/resolved-theme.schema.js';
import { readBuiltTheme } from '../built-themes.js';
import type { Logger } from '../log.js';
import type { TenantRegistry } from '../tenants.js';
import { isInteractionReturn } from '../oidc/interaction-paths.js';
import { acceptedLanguages } from './accept-language.js';
import { renderShellPage, type ShellInput } from './first-page.js';
import { loadEveryStep } from '../../app/every-step.js';
import { formTargets, pageCsp } from './security-headers.js';

/** A hosted page's HTML, and the hashes of the inline styles it carries (for its CSP). */
export interface HostedPage {
  html: string;
  styleHashes: string[];
}

export interface VisitStart {
  /** The tenant's public settings, allowing an OpenID Connect interaction's return address. */
  config: TenantConfig;
  start: FlowContext | StartFailure;
  shell: ShellInput;
}

/** What the server knows of a visit to a tenant's pages. */
export interface Visit {
  route: Route;
  acceptLanguage: string | undefined;
  /** The language the user picked in the page's menu on an earlier visit (its cookie). */
  chosenLocale: string | undefined;
}

/**
 * index.html as a visit to a tenant's pages gets it; URLs that name no tenant get it bare. The
 * first step of a sign-in policy comes rendered (first-page.ts), in the language the page would
 * pick, unless the visit ends on the error page anyway.
 */
export interface HostedPages {
  (tenant: Tenant | undefined, visit?: Visit): HostedPage;
  /**
   * Where a visit to `tenant`'s pages starts, and its frame: what a form post to its URL goes on
   * from (form-posts.ts).
   */
  start(tenant: Tenant, visit: Visit): VisitStart;
  /** The frame of a page the server renders by itself for `tenant`, in the language `visit` negotiates. */
  shell(
    tenant: Tenant,
    visit: Omit<Visit, 'route'> & { uiLocales: string | undefined },
  ): ShellInput;
}

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
  for (const part of ['</head>', '<body></body>', '<html lang="en">', '<title>']) {
    if (!indexHtml.includes(part)) throw new Error(`${file} has no ${part}`);
  }
  await loadEveryStep();
  const themes = new Map<string, ResolvedTheme | undefined>();
  for (const { theme } of tenants.values()) {
    if (themes.has(theme)) continue;
    const parsed = await readBuiltTheme(distDir, theme);
    // The page still works without it: the app asks for the pack and, failing that, keeps the base theme.
    if (!parsed.ok) log.warn('page_theme_unusable', { theme, problems: parsed.failure.join('; ') });
    themes.set(theme, parsed.ok ? parsed.value : undefined);
  }
  const byTenant = new Map(
    [...tenants.values()].map((tenant) => {
      const config = tenantConfigSchema.parse(publicTenantConfig(tenant));
      const theme = themes.get(tenant.theme);
      const boot = bootDataScript({ config, theme });
      const html = insertBefore(indexHtml, '</head>', boot);
      return [tenant.id, { config, theme, html }];
    }),
  );
  /** The page of a visit that returns to an OpenID Connect interaction: that address is allowed too. */
  const withReturn = (config: TenantConfig, theme: ResolvedTheme | undefined, back: string) => {
    const allowing = { ...config, redirectUris: [...config.redirectUris, back] };
    const html = insertBefore(indexHtml, '</head>', bootDataScript({ config: allowing, theme }));
    return { config: allowing, html };
  };
  const start: HostedPages['start'] = (tenant, visit) => {
    const page = byTenant.get(tenant.id)!;
    const back = visit.route.redirectUri;
    const config =
      back !== undefined && isInteractionReturn(page.config.tenant, back)
        ? withReturn(page.config, page.theme, back).config
        : page.config;
    return {
      config,
      start: firstStep(config, visit.route, true),
      shell: shellInput(config, page.theme, { ...visit, uiLocales: visit.route.uiLocales }),
    };
  };
  const shell: HostedPages['shell'] = (tenant, visit) => {
    const { config, theme } = byTenant.get(tenant.id)!;
    return shellInput(config, theme, visit);
  };
  const hosted = (tenant: Tenant | undefined, visit?: Visit): HostedPage => {
    const page = tenant && byTenant.get(tenant.id);
    if (!page) return { html: indexHtml, styleHashes: [] };
    const back = visit?.route.redirectUri;
    const { config, html: base } =
      back !== undefined && isInteractionReturn(page.config.tenant, back)
        ? withReturn(page.config, page.theme, back)
        : page;
    const first = visit && firstPageOf(config, page.theme, visit);
    if (!first) return { html: base, styleHashes: [] };
    const { locale, rendered } = first;
    let html = base.replace('<html lang="en">', `<html lang="${locale}">`);
    // A function, not a string: the title holds tenant text, which may hold `$&`.
    html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${rendered.title}</title>`);
    html = insertBefore(html, '</head>', rendered.head);
    html = insertBefore(html, '</body>', rendered.body);
    return { html, styleHashes: rendered.styleHashes };
  };
  return Object.assign(hosted, { shell, start });
}

/**
 * `html` with `text` put before the first `marker`. Not `String#replace` with a string: that reads
 * `$&`, `` $` `` and `$'` in the inserted text as patterns, and tenant text or a login hint may
 * hold them.
 */
function insertBefore(html: string, marker: string, text: string): string {
  const at = html.indexOf(marker);
  return html.slice(0, at) + text + html.slice(at);
}

/**
 * The rendered first step of a visit: the step the app starts on for its URL (app/first-step.ts,
 * flow/flow-state.ts, as `gate-app` decides them) when nothing is remembered for it. A URL that
 * names a later step may have a history entry that remembers its state, which only the browser
 * can see; without the script, those steps are the answers to form posts (form-posts.ts).
 */
function firstPageOf(config: TenantConfig, theme: ResolvedTheme | undefined, visit: Visit) {
  const { route } = visit;
  const start = firstStep(config, route, true);
  const context = 'step' in start ? undefined : start;
  if (context && route.step !== undefined) {
    const steps = policySteps(context.policy, context.resetAllowed);
    if (route.step !== 'reset-email' || !steps.includes(route.step)) return undefined;
  }
  // A visit that cannot start (a return address not allowed) shows the app's error page.
  const state = context ? urlFlowState(context, route.step) : (start as StartFailure);
  const shell = shellInput(config, theme, { ...visit, uiLocales: route.uiLocales });
  const rendered = renderShellPage(shell, (text) =>
    stepTemplate(state, stepParts(config, context, text, routeUrl(route, 'reset-email'), false)),
  );
  return { locale: shell.locale, rendered };
}

/** A page's frame in the language the visit negotiates: the hosted page's and the front door's. */
function shellInput(
  config: TenantConfig,
  theme: ResolvedTheme | undefined,
  visit: Omit<Visit, 'route'> & { uiLocales: string | undefined },
): ShellInput {
  const locale = negotiateLocale({
    uiLocales: visit.uiLocales,
    chosen: visit.chosenLocale,
    browser: acceptedLanguages(visit.acceptLanguage),
    tenant: config,
  });
  return {
    locale,
    locales: enabledLocales(config.locales),
    tenantName: config.displayName,
    theme,
    overrides: pageTextOverrides(theme, config.textOverrides)[locale],
  };
}

export function pageRoutes(distDir: string, hostedPages: HostedPages, tenants: TenantRegistry) {
  const pages = new Hono();

  const page = (c: Context, tenant: Tenant | undefined, visit: Visit | undefined) => {
    const { html, styleHashes } = hostedPages(tenant, visit);
    c.header(
      'Content-Security-Policy',
      pageCsp(tenant?.embeddingOrigins ?? [], styleHashes, tenant && formTargets(tenant)),
    );
    c.header('Cache-Control', 'no-cache');
    // The page is rendered in the language the user picked, else the one the browser asks for.
    c.header('Vary', 'Accept-Language, Cookie');
    return c.html(html, visit ? 200 : 404);
  };

  /**
   * Files of the build, in the copy the browser accepts: the build writes .br and .gz beside each.
   * Never a file or folder whose name starts with a dot (`.env`, `.git`): such a path is a page
   * that names nothing (404).
   */
  const builtFiles = (cacheControl: string): MiddlewareHandler => {
    const serve = serveStatic({
      root: distDir,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', cacheControl);
        c.header('Vary', 'Accept-Encoding');
      },
    });
    return (c, next) => (/\/\./.test(c.req.path) ? next() : serve(c, next));
  };
  // Vite puts a content hash in every asset name, so a name never changes meaning.
  pages.use('/assets/*', builtFiles('public, max-age=31536000, immutable'));
  pages.use('/themes/*', builtFiles('no-cache'));

  pages.get('*', (c) => {
    const url = new URL(c.req.url);
    const route = parseRoute(url);
    const tenant = route.ok ? tenants.get(route.value.tenant) : undefined;
    const policy =
      route.ok && tenant?.policies.some((candidate) => candidate.id === route.value.policy);
    const visit =
      policy && route.ok
        ? {
            route: route.value,
            acceptLanguage: c.req.header('Accept-Language'),
            chosenLocale: getCookie(c, chosenLocaleCookie),
          }
        : undefined;
    return page(c, tenant, visit);
  });

  return pages;
}
