/**
 * The bridge from an app's authorize request to the hosted pages and back: the interaction's
 * first stop sends the user to the hosted page of its policy, and its continue step ends it
 * with the sign-in made there, or hands a finished reset over to the tenant's sign-in page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { Clock } from '../clock.js';
import type { Database } from '../database/database.js';
import type { HostedPages } from '../http/pages.js';
import { findSession } from '../store/sessions.js';
import { refusalPage } from './front-door-pages.js';
import { continuePath } from './interaction-paths.js';
import { ticketLogin } from './ticket-login.js';
import { grantFor, interactionTtlS } from './provider-configuration.js';

export interface InteractionSteps {
  show(req: IncomingMessage, res: ServerResponse, tenant: Tenant, uid: string): Promise<void>;
  continue(
    req: IncomingMessage,
    res: ServerResponse,
    tenant: Tenant,
    uid: string,
    sessionId: string | undefined,
  ): Promise<void>;
}

export interface InteractionContext {
  db: Database;
  clock: Clock;
  pages: HostedPages;
  /** Any provider of the tenant reads its interactions: they share the tenant's rows. */
  providerOf(tenant: Tenant): Provider;
  /** Readies a request for the provider and its answer for the browser (headers, public URL). */
  prepare(req: IncomingMessage, res: ServerResponse, tenant: Tenant): void;
}

/**
 * The hosted page that signs the user in for an interaction, in the language the app asked for:
 * its `redirect_uri` leads back to the interaction (the pages allow it, see `isInteractionReturn`).
 */
function interactionPageUrl(
  tenant: Tenant,
  policy: string,
  uid: string,
  params: Record<string, unknown>,
): string {
  const query = new URLSearchParams({ redirect_uri: continuePath(tenant.id, uid) });
  if (typeof params.ui_locales === 'string') query.set('ui_locales', params.ui_locales);
  if (typeof params.login_hint === 'string') query.set('login_hint', params.login_hint);
  return `/${tenant.id}/${policy}?${query}`;
}

export function interactionSteps(context: InteractionContext): InteractionSteps {
  const { db, clock, pages, providerOf, prepare } = context;

  const refuse = (res: ServerResponse, tenant: Tenant, req: IncomingMessage, code: string) => {
    const shell = pages.shell(tenant, {
      uiLocales: undefined,
      acceptLanguage: req.headers['accept-language'],
      chosenLocale: undefined,
    });
    const page = refusalPage(shell, 'bad_request', code);
    res.writeHead(400, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': page.csp,
    });
    res.end(page.html);
  };

  /**
   * The interaction this browser holds (its cookie) and the policy it was started for; an
   * expired or foreign one gets the error page.
   */
  const interactionOf = async (
    req: IncomingMessage,
    res: ServerResponse,
    tenant: Tenant,
    uid: string,
  ) => {
    const provider = providerOf(tenant);
    prepare(req, res, tenant);
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
    }
    // The policy is the one whose authorize endpoint the interaction resumes at.
    const policy = details && new URL(details.returnTo).pathname.split('/')[2];
    if (!details || details.uid !== uid || !policy) {
      refuse(res, tenant, req, 'interaction_expired');
      return undefined;
    }
    return { provider, details, policy };
  };

  return {
    async show(req, res, tenant, uid) {
      const found = await interactionOf(req, res, tenant, uid);
      if (!found) return;
      const { provider, details, policy } = found;
      // An embedded sign-in's ticket ends the interaction without the hosted page (docs/embedding.md).
      const login = await ticketLogin(db, new Date(clock.now()), tenant, policy, details.params);
      if (login) {
        await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
        return;
      }
      res.writeHead(303, { Location: interactionPageUrl(tenant, policy, uid, details.params) });
      res.end();
    },
    async continue(req, res, tenant, uid, sessionId) {
      const found = await interactionOf(req, res, tenant, uid);
      if (!found) return;
      const { provider, details, policy } = found;
      if (details.prompt.name === 'consent') {
        const grant = await grantFor(
          provider,
          details.session!.accountId,
          String(details.params.client_id),
          details.grantId,
          details.params.scope,
        );
        await provider.interactionFinished(req, res, { consent: { grantId: grant.jti } });
        return;
      }
      const session = sessionId
        ? await findSession(db, sessionId, new Date(clock.now()))
        : undefined;
      // Only a sign-in made during this interaction ends it: prompt=login and max_age mean that.
      const fresh =
        session?.tenant === tenant.id &&
        session.createdAt.getTime() >= (details.exp - interactionTtlS) * 1000 - 1000;
      if (!fresh) {
        // A reset policy ends here without a sign-in: the user signs in with the new password
        // on the tenant's sign-in page, which returns here (no automatic sign-in after a reset).
        const signIn = tenant.policies.some((p) => p.id === policy && p.kind === 'sign-in')
          ? policy
          : tenant.policies.find((p) => p.kind === 'sign-in')?.id;
        if (!signIn) return refuse(res, tenant, req, 'interaction_unfinished');
        res.writeHead(303, { Location: interactionPageUrl(tenant, signIn, uid, details.params) });
        res.end();
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        {
          login: {
            accountId: session.userId,
            acr: policy,
            amr: ['pwd'],
            ts: Math.floor(session.createdAt.getTime() / 1000),
          },
        },
        { mergeWithLastSubmission: false },
      );
    },
  };
}
