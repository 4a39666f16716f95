/**
 * The whole HTTP surface: health and readiness, the contract under /api/v1 and the hosted pages,
 * with security headers on every answer, one log line per request, and 503 for anything
 * unexpected, above all a database that is down (docs/security.md#rule-25): nobody is signed in by a
 * half-done request.
 */
import { Hono } from 'hono';
import { DatabaseUnavailableError } from '../database/database.js';
import { errorFields, type Logger } from '../log.js';
import type { ServiceContext } from '../services/context.js';
import type { TenantRegistry } from '../tenants.js';
import { apiRoutes } from './api-routes.js';
import { apiCors, assetCors } from './cors.js';
import { healthRoutes } from './health.js';
import { formPostRoutes } from './form-posts.js';
import { frontDoorRoutes, type FrontDoorHolder } from './front-door-routes.js';
import { pageRoutes, type HostedPages } from './pages.js';
import { portalRoutes } from './portal-routes.js';
import { sendError } from './respond.js';
import { securityHeaders } from './security-headers.js';

export interface HttpAppOptions {
  context: ServiceContext;
  tenants: TenantRegistry;
  trustedProxies: ReadonlySet<string>;
  https: boolean;
  /** Where users reach the server, when configured (e.g. behind a proxy). */
  publicUrl: string | undefined;
  distDir: string;
  hostedPages: HostedPages;
  /** The OpenID Connect front door, once the server knows the address it is reached at. */
  frontDoor: FrontDoorHolder;
  log: Logger;
}

export function createHttpApp(options: HttpAppOptions) {
  const { log } = options;
  const app = new Hono();
  app.use(securityHeaders(options.https));
  // Before the request log: a load balancer asks every few seconds.
  app.route('/', healthRoutes(options.context.db));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // The route pattern, not the path: paths carry flow ids, queries carry email addresses.
    log.info('request', {
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  // Pages on the tenants' embedding origins read the API, the packs and the fonts (cors.ts).
  app.use('/api/v1/tenants/:tenant/*', apiCors(options.tenants));
  const assets = assetCors(options.tenants);
  app.use('/themes/*', assets);
  app.use('/assets/*', assets);
  app.route('/api/v1', apiRoutes(options));
  app.all('/api/*', (c) => sendError(c, { error: 'not_found' }));
  app.route('/', frontDoorRoutes(options.frontDoor, options.tenants, options.https));
  app.route('/', portalRoutes(options));
  app.route(
    '/',
    formPostRoutes({ ...options, dispatch: (request, env) => app.fetch(request, env) }),
  );
  app.route('/', pageRoutes(options.distDir, options.hostedPages, options.tenants));
  app.onError((error, c) => {
    if (error instanceof DatabaseUnavailableError) {
      log.error('database_unavailable', errorFields(error.cause));
    } else {
      log.error('request_failed', { route: c.req.routePath, ...errorFields(error) });
    }
    return sendError(c, { error: 'service_unavailable' });
  });
  return app;
}
