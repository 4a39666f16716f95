/**
 * The password portal: `GET /{tenant}` shows it, `POST /{tenant}/sign-out` (its sign-out form, a
 * plain form post from the portal itself) ends the session and comes back to it.
 */
import { getCookie } from 'hono/cookie';
import { Hono } from 'hono';
import { chosenLocaleCookie } from '../../i18n/negotiate-locale.js';
import { readSession, signOut } from '../services/account-session.js';
import type { ServiceContext } from '../services/context.js';
import type { TenantRegistry } from '../tenants.js';
import { fromAnotherSite } from './cross-site.js';
import type { HostedPages } from './pages.js';
import { portalPage } from './portal-page.js';
import { requestMeta } from './request-meta.js';
import { clearSessionCookie, sessionIdOf } from './session-cookie.js';

export interface PortalOptions {
  context: ServiceContext;
  tenants: TenantRegistry;
  hostedPages: HostedPages;
  trustedProxies: ReadonlySet<string>;
  https: boolean;
  publicUrl: string | undefined;
}

export function portalRoutes(options: PortalOptions) {
  const { context, tenants, hostedPages, https } = options;
  const ownOrigin = options.publicUrl === undefined ? undefined : new URL(options.publicUrl).origin;
  const routes = new Hono();

  routes.get('/:tenant', async (c, next) => {
    const tenant = tenants.get(c.req.param('tenant'));
    if (!tenant) return next();
    const session = await readSession(context, tenant, sessionIdOf(c, https));
    const shell = hostedPages.shell(tenant, {
      uiLocales: c.req.query('ui_locales')?.slice(0, 256),
      acceptLanguage: c.req.header('Accept-Language'),
      chosenLocale: getCookie(c, chosenLocaleCookie),
    });
    const page = portalPage(
      shell,
      tenant,
      session.ok && session.value.signedIn ? session.value.email : undefined,
    );
    c.header('Content-Security-Policy', page.csp);
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'Accept-Language, Cookie');
    return c.html(page.html);
  });

  routes.post('/:tenant/sign-out', async (c, next) => {
    const tenant = tenants.get(c.req.param('tenant'));
    if (!tenant) return next();
    // A form post: only the portal itself may send it (docs/security.md#rule-33).
    if (fromAnotherSite(c, [], ownOrigin)) return c.text('Forbidden', 403);
    const meta = requestMeta(c, tenant, options.trustedProxies);
    await signOut(context, tenant, sessionIdOf(c, https), meta);
    clearSessionCookie(c, https);
    return c.redirect(`/${tenant.id}`, 303);
  });

  return routes;
}
