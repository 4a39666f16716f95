/**
 * The OpenID Connect front door's URLs under `/{tenant}/{policy}`: the protocol endpoints (handed
 * to oidc-provider on the raw Node request), the step that ends an interaction after a sign-in on
 * the hosted pages, and Run now. They sit before the hosted pages' catch-all.
 */
import { Hono, type Context, type Next } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { FrontDoor } from '../oidc/front-door.js';
import { isProtocolPath } from '../oidc/front-door.js';
import { interactionIdPattern } from '../oidc/interaction-paths.js';
import type { RunNow } from '../oidc/run-now.js';
import type { TenantRegistry } from '../tenants.js';
import { sessionIdOf } from './session-cookie.js';

/** The front door opens once the server knows its address; until then these URLs are not found. */
export interface FrontDoorHolder {
  frontDoor?: FrontDoor;
  runNow?: RunNow;
}

export function frontDoorRoutes(holder: FrontDoorHolder, tenants: TenantRegistry, https: boolean) {
  const routes = new Hono<{ Bindings: HttpBindings }>();

  const target = (c: Context<{ Bindings: HttpBindings }>) => {
    const tenant = tenants.get(c.req.param('tenant') ?? '');
    const policy = c.req.param('policy') ?? '';
    const frontDoor = holder.frontDoor;
    if (!tenant || !frontDoor?.provider(tenant.id, policy) || !c.env?.incoming) return undefined;
    return { tenant, policy, frontDoor, incoming: c.env.incoming, outgoing: c.env.outgoing };
  };

  const interaction =
    (step: 'show' | 'continue') => async (c: Context<{ Bindings: HttpBindings }>, next: Next) => {
      const tenant = tenants.get(c.req.param('tenant') ?? '');
      const uid = c.req.param('uid') ?? '';
      const frontDoor = holder.frontDoor;
      if (!tenant || !frontDoor || !c.env?.incoming || !interactionIdPattern.test(uid))
        return next();
      const { incoming, outgoing } = c.env;
      if (step === 'show') await frontDoor.showInteraction(incoming, outgoing, tenant, uid);
      else {
        const session = sessionIdOf(c, https);
        await frontDoor.continueInteraction(incoming, outgoing, tenant, uid, session);
      }
      return RESPONSE_ALREADY_SENT;
    };
  routes.get('/:tenant/interaction/:uid', interaction('show'));
  routes.get('/:tenant/interaction/:uid/continue', interaction('continue'));

  routes.get('/:tenant/:policy/run-now', async (c, next) => {
    const found = target(c);
    if (!found || !found.tenant.runNow || !holder.runNow) return next();
    return holder.runNow.start(c, found.tenant, found.policy);
  });

  routes.get('/:tenant/run-now/callback', async (c, next) => {
    const tenant = tenants.get(c.req.param('tenant'));
    if (!tenant?.runNow || !holder.runNow) return next();
    return holder.runNow.callback(c, tenant);
  });

  routes.all('/:tenant/:policy/*', async (c, next) => {
    const found = target(c);
    if (!found) return next();
    const url = new URL(c.req.url);
    const path = url.pathname.slice(`/${found.tenant.id}/${found.policy}`.length);
    if (!isProtocolPath(path)) return next();
    await found.frontDoor.serve(
      found.incoming,
      found.outgoing,
      found.tenant,
      found.policy,
      path + url.search,
    );
    return RESPONSE_ALREADY_SENT;
  });

  return routes;
}
