/**
 * The hosted pages as plain HTML forms: every step's form posts to its page's own URL, and the
 * server answers with the next step's page, or a redirect where the flow leaves. The answer is
 * made as the app makes it: the step's effect calls the same API (in process, with this request's
 * cookies, address and origin) and the same reducer picks the next step, so that both paths keep
 * every rule alike, down to the answer for an unknown address (docs/no-javascript.md).
 */
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { html as document } from 'hono/html';
import type { HttpBindings } from '@hono/node-server';
import * as z from 'zod/mini';
import { flowIdPattern } from '../../api/contract.schema.js';
import { stepParts, stepTemplate } from '../../app/step-template.js';
import { runEffect, type Intent } from '../../flow/effects.js';
import { initialFlowState, type FlowContext, type FlowState } from '../../flow/flow-state.js';
import { urlSteps } from '../../flow/policy-steps.js';
import { chosenLocaleCookie } from '../../i18n/negotiate-locale.js';
import { nextFlowState, type FlowAction } from '../../flow/reducer.js';
import { normaliseCode } from '../../rules/verification-code.js';
import { parseRoute, routeUrl, type Route } from '../../router/route.js';
import type { TenantRegistry } from '../tenants.js';
import { fromAnotherSite } from './cross-site.js';
import type { HostedPages } from './pages.js';
import { formTargets } from './security-headers.js';
import { shellDocument } from './shell-document.js';

const field = z.optional(z.string().check(z.maxLength(1024)));

/** The fields a plain form sends: the page's own, and where in the flow it was. */
const postedFormSchema = z.object({
  'gate-step': z.optional(z.enum(urlSteps)),
  'gate-flow': z.optional(z.string().check(z.regex(flowIdPattern))),
  'gate-email': field,
  'gate-action': z.optional(z.enum(['cancel', 'continue', 'resend', 'change-email'])),
  signInName: field,
  password: field,
  email: field,
  recoveryEmail: field,
  verificationCode: field,
  currentPassword: field,
  newPassword: field,
  reenterPassword: field,
});
type PostedForm = z.infer<typeof postedFormSchema>;

/**
 * The state the posting page showed: told by its hidden fields on the pages this module answers
 * with, else the step that the page's URL starts on.
 */
function postedState(form: PostedForm, route: Route, start: FlowContext): FlowState {
  const step = form['gate-step'];
  const flowId = form['gate-flow'] ?? '';
  const email = form['gate-email'] ?? '';
  if (step === undefined) {
    return route.step === 'reset-email' ? { step: 'reset-email', email } : initialFlowState(start);
  }
  switch (step) {
    case 'sign-in':
      return { step, identifier: '' };
    case 'reset-email':
      return { step, email: '' };
    case 'reset-code':
    case 'confirm-code':
      return { step, flowId, email, resendAvailableAt: 0 };
    case 'confirm-email':
    case 'new-password':
      return { step, flowId, email };
    case 'change-password':
      return { step, email };
    default:
      return { step };
  }
}

/** What the post asks of the flow: an action of its own, or a step's submission for its effect. */
function requestOf(form: PostedForm, state: FlowState): FlowAction | Intent | undefined {
  const action = form['gate-action'];
  if (action === 'resend') return { step: 'resend' };
  if (action === 'change-email') return { type: 'change-email' };
  if (action) return { type: action };
  const text = (value: string | undefined) => (value ?? '').trim();
  switch (state.step) {
    case 'sign-in':
      return { step: 'sign-in', identifier: text(form.signInName), password: form.password ?? '' };
    case 'reset-email':
      return { step: 'reset-email', email: text(form.email) };
    case 'reset-code':
    case 'confirm-code':
      return { step: state.step, code: normaliseCode(form.verificationCode ?? '') };
    case 'confirm-email':
      return state.email
        ? { step: 'confirm-email' }
        : { step: 'confirm-email', email: text(form.recoveryEmail) };
    case 'new-password':
      return { step: 'new-password', password: form.newPassword ?? '' };
    case 'change-password':
      return {
        step: 'change-password',
        currentPassword: form.currentPassword ?? '',
        password: form.newPassword ?? '',
      };
    default:
      return undefined;
  }
}

/**
 * The hidden fields that tell the next post where in the flow its page was; an error page's way
 * on starts from its URL's first step.
 */
function flowFields(state: FlowState): string {
  if (state.step === 'error') return '';
  const fields: [string, string | undefined][] = [
    ['gate-step', state.step],
    ['gate-flow', 'flowId' in state ? state.flowId : undefined],
    ['gate-email', 'email' in state ? state.email : undefined],
  ];
  return fields
    .flatMap(([name, value]) =>
      value === undefined
        ? []
        : [String(document`<input type="hidden" name="${name}" value="${value}">`)],
    )
    .join('');
}

export interface FormPostOptions {
  hostedPages: HostedPages;
  tenants: TenantRegistry;
  /** Where users reach the server, when configured: its origin is the pages' own. */
  publicUrl: string | undefined;
  /** Answers a request as the whole server does: the API calls of a post go through it. */
  dispatch: (request: Request, env: HttpBindings) => Response | Promise<Response>;
}

export function formPostRoutes({ hostedPages, tenants, publicUrl, dispatch }: FormPostOptions) {
  const routes = new Hono<{ Bindings: HttpBindings }>();
  const ownOrigin = publicUrl === undefined ? undefined : new URL(publicUrl).origin;

  /** The API in process, as this request's browser would call it; cookies it sets are kept. */
  const inProcess =
    (c: Context<{ Bindings: HttpBindings }>, cookies: string[]): typeof fetch =>
    async (input, init) => {
      const headers = new Headers(init?.headers);
      for (const name of ['cookie', 'origin', 'sec-fetch-site', 'x-forwarded-for', 'user-agent']) {
        const value = c.req.header(name);
        if (value !== undefined) headers.set(name, value);
      }
      const response = await dispatch(new Request(input, { ...init, headers }), c.env);
      cookies.push(...response.headers.getSetCookie());
      return response;
    };

  routes.post(
    '*',
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Payload Too Large', 413) }),
    async (c, next) => {
      const url = new URL(c.req.url);
      const parsed = parseRoute(url);
      const tenant = parsed.ok ? tenants.get(parsed.value.tenant) : undefined;
      if (!parsed.ok || !tenant?.policies.some(({ id }) => id === parsed.value.policy)) {
        return next();
      }
      const route = parsed.value;
      const { config, start, shell } = hostedPages.start(tenant, {
        route,
        acceptLanguage: c.req.header('accept-language'),
        chosenLocale: getCookie(c, chosenLocaleCookie),
      });
      const answer = (state: FlowState, status: 200 | 400 | 403) => {
        const page = shellDocument(
          shell,
          undefined,
          () =>
            stepTemplate(
              state,
              stepParts(
                config,
                'step' in start ? undefined : start,
                shell.theme?.text[shell.locale],
                routeUrl(route, 'reset-email'),
                false,
              ),
            ),
          ["form-action 'self'", ...formTargets(tenant)].join(' '),
        );
        c.header('Content-Security-Policy', page.csp);
        c.header('Cache-Control', 'no-store');
        return c.html(
          page.html.replace(/<form\b[^>]*>/g, (tag) => tag + flowFields(state)),
          status,
        );
      };

      // Only the pages themselves may post here: never a form on another site.
      if (fromAnotherSite(c, [], ownOrigin)) {
        return answer({ step: 'error', failure: { error: 'forbidden' } }, 403);
      }
      if ('step' in start) return answer(start, 400);
      const form = postedFormSchema.safeParse(await c.req.parseBody());
      if (!form.success) {
        return answer({ step: 'error', failure: { error: 'invalid_request' } }, 400);
      }
      let state = postedState(form.data, route, start);
      const request = requestOf(form.data, state);
      if (request === undefined) return answer(state, 400);
      const cookies: string[] = [];
      let action: FlowAction | undefined;
      if ('type' in request) action = request;
      else if (
        (request.step === 'new-password' || request.step === 'change-password') &&
        request.password !== (form.data.reenterPassword ?? '')
      ) {
        // The app checks the two fields before sending; a plain form is checked here.
        action = { type: 'failed', failure: { error: 'invalid_request' }, now: Date.now() };
      } else {
        // What was typed stays in the form after a refusal, as in the app.
        if (request.step === 'sign-in') {
          state = nextFlowState(state, { type: 'entered', value: request.identifier }, start);
        }
        if (request.step === 'reset-email') {
          state = nextFlowState(state, { type: 'entered', value: request.email }, start);
        }
        action = await runEffect(
          {
            base: `${ownOrigin ?? url.origin}/api/v1`,
            tenant: tenant.id,
            language: () => shell.locale,
            fetch: inProcess(c, cookies),
          },
          request,
          state,
          start,
        );
      }
      const after = action ? nextFlowState(state, action, start) : state;
      for (const cookie of cookies) c.header('Set-Cookie', cookie, { append: true });
      if (after.step === 'redirect') return c.redirect(after.url, 303);
      return answer(after, 200);
    },
  );
  return routes;
}
