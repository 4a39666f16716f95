import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ApiClient, ApiClientOptions, ApiResult } from '../api/client.js';
import type { TenantConfig } from '../api/contract.js';
import { contractVersion } from '../api/contract-version.js';
import {
  initialFlowState,
  nextFlowState,
  urlStepOf,
  type FlowAction,
  type FlowContext,
  type FlowState,
  type StepId,
} from '../policy/flow.js';
import { assertNever, policySteps, type UrlStep } from '../policy/policy.js';
import { allowedRedirect, parseRoute, routeUrl, type Route } from '../router/route.js';
import { HistoryRouter } from '../router/history-router.js';
import type { StepSubmission } from '../events/step-submit-event.js';
import {
  applyTextOverrides,
  getLocale,
  prefetchLocale,
  rememberLocale,
  rememberedLocale,
  setLocale,
} from '../i18n/localization.js';
import {
  enabledLocales,
  negotiateLocale,
  supportedLocales,
  type SupportedLocale,
} from '../i18n/negotiate-locale.js';
import { pageTextOverrides } from '../i18n/page-text-overrides.js';
import { applyFavicon, applyTheme } from '../theme/apply-theme.js';
import { loadTheme } from '../theme/load-theme.js';
import type { ResolvedTheme } from '../theme/resolved-theme.js';
import type { ThemeLocale } from '../theme/theme-text.js';
import { adoptGateStyles } from './adopt-styles.js';
import { loadFailureTexts, loadSpinner, type StepPage } from '../pages/step-page.js';
import { shellTemplate, signInStepTemplate } from './app-shell.js';

/**
 * The element of each step and where it lives. Only sign-in is in the first-load script; the
 * others load on demand (and are fetched ahead while the user reads the first page).
 */
const stepPages = {
  'sign-in': ['gate-sign-in-page', () => import('../pages/sign-in-page.js')],
  'confirm-email': ['gate-confirm-email-page', () => import('../pages/confirm-email-page.js')],
  'confirm-code': ['gate-reset-code-page', () => import('../pages/reset-code-page.js')],
  'signed-in': ['gate-signed-in-page', () => import('../pages/signed-in-page.js')],
  'reset-email': ['gate-reset-email-page', () => import('../pages/reset-email-page.js')],
  'reset-code': ['gate-reset-code-page', () => import('../pages/reset-code-page.js')],
  'new-password': ['gate-new-password-page', () => import('../pages/new-password-page.js')],
  'reset-done': ['gate-reset-done-page', () => import('../pages/reset-done-page.js')],
  'reset-unavailable': [
    'gate-reset-unavailable-page',
    () => import('../pages/reset-unavailable-page.js'),
  ],
  error: ['gate-error-page', () => import('../pages/error-page.js')],
} as const satisfies Record<Exclude<StepId, 'redirect'>, readonly [string, () => Promise<unknown>]>;

/** What a history entry keeps of a step: enough to show it again, without its alerts. */
type Snapshot = FlowState;

/**
 * The hosted flow: loads the tenant's public settings, picks the policy, holds the flow state
 * and swaps the step pages. With `routing="history"` the URL names tenant, policy and step, and
 * Back, Forward and reload move between steps. Renders into light DOM (credential inputs must be
 * reachable from `document`) and adopts its stylesheet into whatever root it is placed in.
 *
 * @fires gate-flow-change - After every step change, with the new step in `detail.step`.
 * @fires gate-redirect - Before leaving for an allowed address (`detail.url`); cancel it to navigate yourself.
 */
@customElement('gate-app')
@localized()
export class GateApp extends LitElement {
  /** The tenant whose pages these are, e.g. `contoso` (ignored with `routing="history"`). */
  @property() tenant = '';

  /** The policy id, e.g. `B2C_1_signin`; empty picks the tenant's first policy (ignored with history routing). */
  @property() policy = '';

  /** Where the contract's paths start. */
  @property({ attribute: 'api-base' }) apiBase = `/api/${contractVersion}`;

  /** Prefills the email (ignored with history routing: `login_hint` in the URL does it). */
  @property({ attribute: 'login-hint' }) loginHint = '';

  /** Where to go after success; followed only when the tenant lists it exactly. */
  @property({ attribute: 'redirect-uri' }) redirectUri: string | undefined;

  /** `history` for hosted pages (the URL is the route); `none` when embedded. */
  @property() routing: 'history' | 'none' = 'none';

  /** A theme pack id that replaces the tenant's (for previews and embedding); swaps without a reload. */
  @property() theme = '';

  /**
   * The packs a preview offers to switch `theme` to (space-separated ids): fetched with the rest
   * while the user reads the first page, so that a switch to one of them needs no request.
   */
  @property({ converter: (value) => value?.split(/\s+/).filter(Boolean) ?? [] })
  themes: string[] = [];

  /**
   * The tenant's settings, when the page has them already (the hosted page carries them in its
   * HTML): used instead of asking the API, if they are the routed tenant's.
   */
  @property({ attribute: false }) preloadedConfig: TenantConfig | undefined;

  @state() private config: TenantConfig | undefined;
  @state() private flow: FlowState | undefined;
  @state() private busy = false;
  @state() private resolvedTheme: ResolvedTheme | undefined;

  /** The API of the tenant being shown; replaced on every start, so an answer for an earlier one is dropped. */
  #api: ApiClientOptions | undefined;
  #route: Route | undefined;
  #context: FlowContext | undefined;
  /** Set while showing a step that came from the history, so it is not pushed again. */
  #fromHistory = false;
  /** Set once the first page has been shown long enough for the prefetch to begin. */
  #prefetching = false;

  /** What the server rendered into this element (the hosted page's first step), until taken over. */
  #prerendered: ChildNode[] = [];

  readonly #router = new HistoryRouter<Snapshot>(
    this,
    (url, snapshot) => void this.#popped(url, snapshot),
  );

  constructor() {
    super();
    // The steps' events bubble up to here.
    this.addEventListener('gate-step-submit', (event) => void this.#submit(event.submission));
    this.addEventListener('gate-forgot-password', (event) =>
      this.#dispatch({ type: 'forgot-password', identifier: event.identifier }),
    );
    this.addEventListener('gate-step-cancel', () => this.#dispatch({ type: 'cancel' }));
    this.addEventListener('gate-step-continue', this.#continue);
    this.addEventListener('gate-change-email', () => this.#dispatch({ type: 'change-email' }));
    this.addEventListener('gate-resend-code', () => void this.#resend());
    this.addEventListener('gate-locale-change', (event) => void this.#chooseLocale(event.locale));
  }

  protected override createRenderRoot() {
    // Only the server's rendering is taken over; other content is left as it always was.
    if (this.hasAttribute('prerendered')) this.#prerendered = [...this.childNodes];
    // A page the server rendered carries these styles inline already; adopting them as well
    // would restyle the whole page, maybe before its first frame.
    if (this.#prerendered.length === 0)
      adoptGateStyles(this.getRootNode() as Document | ShadowRoot);
    return this;
  }

  /**
   * Holding the server's rendering, the first update waits until that has been painted: the
   * update and the takeover after it are a task of some 20 ms, which would come first whenever
   * the script arrives before the first frame.
   */
  protected override async scheduleUpdate() {
    if (!this.hasUpdated && this.#prerendered.length > 0) {
      await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
    }
    super.scheduleUpdate();
  }

  override firstUpdated() {
    // Fetch the other steps, the API client, the schemas, the failure texts and the tenant's other
    // languages while the user reads the first page, so that a submit, a step change or a language
    // switch is one render, painted in the next frame. What fails here is fetched again when needed.
    const prefetch = () => {
      const chunks = [
        ...Object.values(stepPages).map(([, load]) => load()),
        import('../api/client.js'),
        // The schemas (and zod): a first answer, or a first switch to another theme, is then
        // checked without waiting for them.
        import('../api/contract.js'),
        import('../theme/checked-theme.js'),
        loadFailureTexts(),
      ];
      chunks.forEach((chunk) => chunk.catch(() => undefined));
      loadSpinner();
      enabledLocales(this.config?.locales ?? []).forEach(prefetchLocale);
      this.#prefetching = true;
      this.#prefetchThemes();
    };
    setTimeout(prefetch, 1000);
  }

  #prefetchThemes() {
    this.themes.forEach((id) => loadTheme(id).catch(() => undefined));
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('flow') && this.flow && this.flow.step !== 'redirect') {
      void stepPages[this.flow.step][1]();
    }
    const inputs = [
      'tenant',
      'policy',
      'apiBase',
      'routing',
      'loginHint',
      'redirectUri',
      'preloadedConfig',
    ];
    if (changed.has('themes') && this.#prefetching) this.#prefetchThemes();
    if (inputs.some((name) => changed.has(name))) void this.#start();
    else if (changed.has('theme') && this.config) void this.#applyTheme(this.config);
  }

  override updated(changed: Map<PropertyKey, unknown>) {
    if (!changed.has('flow') || !this.flow) return;
    const previous = changed.get('flow') as FlowState | undefined;
    const flow = this.flow;
    if (this.routing === 'history') this.#syncUrl(flow);
    this.#fromHistory = false;
    if (previous?.step === flow.step) return;
    if (flow.step === 'redirect') {
      const redirect = new CustomEvent('gate-redirect', {
        detail: { url: flow.url },
        bubbles: true,
        cancelable: true,
      });
      if (this.dispatchEvent(redirect)) location.assign(flow.url);
      return;
    }
    void this.#settle(flow.step, previous !== undefined);
    this.dispatchEvent(
      new CustomEvent('gate-flow-change', { detail: { step: flow.step }, bubbles: true }),
    );
  }

  override render() {
    // The server's rendering of the first step stays until this element can show its own.
    if (!this.flow && this.#prerendered.length > 0) return nothing;
    const theme = this.resolvedTheme;
    return shellTemplate({
      locale: getLocale(),
      locales: this.config ? enabledLocales(this.config.locales) : [],
      logo: theme?.assets.bannerLogo
        ? {
            src: theme.assets.bannerLogo,
            size: theme.bannerLogoSize,
            label: this.config?.displayName ?? theme.name,
          }
        : undefined,
      tenantName: this.config?.displayName,
      footerLinks: Object.values(this.#themeText()?.footerLinks ?? {}),
      step: this.#renderStep(),
    });
  }

  #renderStep() {
    const flow = this.flow;
    const config = this.config;
    if (!flow) {
      return html`<p class="gate-intro" role="status">${msg('Loading…', { id: 'loading' })}</p>`;
    }
    switch (flow.step) {
      case 'sign-in':
        return signInStepTemplate({
          identifier: flow.identifier,
          identifierHint: this.#themeText()?.usernameHint ?? '',
          alert: flow.alert,
          busy: this.busy,
          showResetLink:
            this.#context !== undefined &&
            policySteps(this.#context.policy, this.#context.resetAllowed).includes('reset-email'),
          resetHref:
            this.#route && this.routing === 'history'
              ? routeUrl(this.#route, 'reset-email')
              : '#reset',
        });
      case 'confirm-email':
        return html`<gate-confirm-email-page
          .email=${flow.email}
          .alert=${flow.alert}
          ?busy=${this.busy}
        ></gate-confirm-email-page>`;
      case 'signed-in':
        return html`<gate-signed-in-page></gate-signed-in-page>`;
      case 'reset-email':
        return html`<gate-reset-email-page
          .email=${flow.email}
          .alert=${flow.alert}
          ?busy=${this.busy}
        ></gate-reset-email-page>`;
      case 'reset-code':
      case 'confirm-code':
        return html`<gate-reset-code-page
          purpose=${flow.step === 'reset-code' ? 'reset' : 'confirm'}
          .email=${flow.email}
          .resendAvailableAt=${flow.resendAvailableAt}
          .resent=${flow.resent ?? false}
          .alert=${flow.alert}
          ?busy=${this.busy}
        ></gate-reset-code-page>`;
      case 'new-password':
        return html`<gate-new-password-page
          .email=${flow.email}
          .rules=${config?.passwordRules}
          .alert=${flow.alert}
          ?busy=${this.busy}
        ></gate-new-password-page>`;
      case 'reset-done':
        return html`<gate-reset-done-page></gate-reset-done-page>`;
      case 'reset-unavailable':
        return html`<gate-reset-unavailable-page></gate-reset-unavailable-page>`;
      case 'redirect':
        return html`<p class="gate-intro" role="status">
          ${msg('Taking you back…', { id: 'redirecting' })}
          <a href=${flow.url}>${msg('Continue', { id: 'button_continue' })}</a>
        </p>`;
      case 'error':
        return html`<gate-error-page .alert=${flow.failure}></gate-error-page>`;
      default:
        return assertNever(flow);
    }
  }

  /** Reads the route, loads the tenant, checks policy and return address, then shows the first step (or resumes one). */
  async #start() {
    this.config = undefined;
    this.flow = undefined;
    this.#context = undefined;
    const route = this.#readRoute();
    this.#route = route;
    if (!route) {
      await this.#negotiateLocale(
        this.#router.url.searchParams.get('ui_locales') ?? undefined,
        undefined,
      );
      this.flow = { step: 'error', failure: { error: 'page_not_found' } };
      return;
    }
    const api = { base: this.apiBase, tenant: route.tenant };
    this.#api = api;
    const preloaded = this.preloadedConfig;
    const loaded: ApiResult<TenantConfig> =
      preloaded?.tenant === route.tenant
        ? { ok: true, value: preloaded }
        : await callApi(api, (client) => client.config());
    if (api !== this.#api) return;
    if (!loaded.ok) {
      await this.#negotiateLocale(route.uiLocales, undefined);
      this.flow = { step: 'error', failure: loaded.failure };
      return;
    }
    const config = loaded.value;
    // Language and brand first, so that the first page paints in them rather than flashing the defaults.
    await Promise.all([this.#negotiateLocale(route.uiLocales, config), this.#applyTheme(config)]);
    if (api !== this.#api) return;
    this.config = config;
    const policy = route.policy
      ? config.policies.find((candidate) => candidate.id === route.policy)
      : config.policies[0];
    if (!policy) {
      this.flow = { step: 'error', failure: { error: 'page_not_found' } };
      return;
    }
    const redirect = allowedRedirect(route.redirectUri, config.redirectUris);
    if (!redirect.ok) {
      this.flow = { step: 'error', failure: { error: 'redirect_not_allowed' } };
      return;
    }
    const signInPolicy = config.policies.find((candidate) => candidate.kind === 'sign-in');
    this.#route = { ...route, policy: policy.id };
    this.#context = {
      policy,
      resetAllowed: config.selfServiceReset,
      redirectUri: redirect.url,
      signInUrl:
        signInPolicy && this.routing === 'history'
          ? routeUrl({ ...this.#route, policy: signInPolicy.id }, undefined)
          : undefined,
      loginHint: route.loginHint,
    };
    const flow = await this.#stepFor(route.step, this.#router.snapshot);
    this.#fromHistory = true;
    this.flow = flow;
  }

  /**
   * Loads and applies the theme pack (the `theme` attribute, else the tenant's). The loader is
   * part of the first-load script: the first page waits for the pack anyway, and a separate chunk
   * only added a round trip and 1.3 KB. A pack that fails to load leaves the base theme, which is
   * always complete.
   */
  async #applyTheme(config: TenantConfig) {
    const id = this.theme || config.theme;
    const theme = await loadTheme(id).catch(() => undefined);
    if (id !== (this.theme || config.theme)) return;
    if (theme) {
      applyTheme(this, theme);
      if (this.routing === 'history') applyFavicon(document, theme);
      this.resolvedTheme = theme;
    }
    this.#applyText(config);
  }

  #themeText() {
    return this.resolvedTheme?.text[getLocale() as ThemeLocale];
  }

  #applyText(config: TenantConfig) {
    applyTextOverrides(pageTextOverrides(this.resolvedTheme, config.textOverrides));
  }

  /** `ui_locales` > the user's earlier pick > the browser > the tenant's default > English. */
  async #negotiateLocale(uiLocales: string | undefined, config: TenantConfig | undefined) {
    const locale = negotiateLocale({
      uiLocales,
      chosen: rememberedLocale(),
      browser: navigator.languages,
      tenant: config ?? { locales: supportedLocales, defaultLocale: 'en' },
    });
    // A translation that fails to load leaves the page in the language it has.
    await setLocale(locale).catch(() => undefined);
  }

  /** The user picked a language: switch in place (typed input stays) and remember it. */
  async #chooseLocale(locale: SupportedLocale) {
    rememberLocale(locale);
    // `ui_locales` outranks the pick; rewrite it so a reload keeps the new language.
    if (this.#route?.uiLocales !== undefined) this.#route = { ...this.#route, uiLocales: locale };
    await setLocale(locale).catch(() => undefined);
    this.requestUpdate();
    if (this.routing === 'history' && this.flow) this.#syncUrl(this.flow);
  }

  #readRoute(): Route | undefined {
    if (this.routing === 'history') {
      const parsed = parseRoute(this.#router.url);
      return parsed.ok ? parsed.route : undefined;
    }
    if (!this.tenant) return undefined;
    return {
      tenant: this.tenant,
      policy: this.policy,
      step: undefined,
      redirectUri: this.redirectUri || undefined,
      loginHint: this.loginHint,
      uiLocales: undefined,
    };
  }

  /**
   * The state to show for a step named by the URL: the remembered state of that history entry
   * where the server still knows its flow, else the policy's first step.
   */
  async #stepFor(step: UrlStep | undefined, snapshot: Snapshot | undefined): Promise<FlowState> {
    const context = this.#context!;
    const steps = policySteps(context.policy, context.resetAllowed);
    if (step !== undefined && !steps.includes(step)) {
      return { step: 'error', failure: { error: 'page_not_found' } };
    }
    const wanted = step ?? steps[0];
    if (!snapshot || urlStepOf(snapshot) !== wanted) return initialFlowState(context);
    if (snapshot.step !== 'reset-code' && snapshot.step !== 'new-password') return snapshot;
    const status = await callApi(this.#api!, (client) => client.resetStatus(snapshot.flowId));
    if (!status.ok) return initialFlowState(context);
    const { flowId, email } = snapshot;
    return status.value.verified
      ? { step: 'new-password', flowId, email }
      : {
          step: 'reset-code',
          flowId,
          email,
          resendAvailableAt: Date.now() + status.value.resendAfter * 1000,
        };
  }

  async #popped(url: URL, snapshot: Snapshot | undefined) {
    const parsed = parseRoute(url);
    const route = this.#route;
    if (
      !parsed.ok ||
      !route ||
      !this.#context ||
      parsed.route.tenant !== route.tenant ||
      parsed.route.policy !== route.policy
    ) {
      return this.#start();
    }
    const flow = await this.#stepFor(parsed.route.step, snapshot);
    this.#fromHistory = true;
    this.flow = flow;
  }

  /** A new step gets a new history entry; the same step (or a restored one) only updates its entry. */
  #syncUrl(flow: FlowState) {
    const route = this.#route;
    const context = this.#context;
    const step = urlStepOf(flow);
    if (!route || !context || !step) return;
    const first = policySteps(context.policy, context.resetAllowed)[0];
    const path = routeUrl(route, step === first ? undefined : step);
    const {
      alert: _alert,
      resent: _resent,
      ...snapshot
    } = flow as FlowState & {
      alert?: unknown;
      resent?: unknown;
    };
    const current = parseRoute(this.#router.url);
    const sameStep = current.ok && (current.route.step ?? first) === step;
    if (this.#fromHistory || sameStep) this.#router.replace(path, snapshot as Snapshot);
    else this.#router.push(path, snapshot as Snapshot);
  }

  /**
   * Replaces the server's rendering with this element's own, once its step has rendered and
   * within the same task, so that no frame shows both or neither. What the user typed (or a
   * password manager filled in) moves to the field of the same id, and so does the focus.
   */
  #takeOver() {
    const active = document.activeElement;
    const typed = this.#prerendered.flatMap((node) =>
      node instanceof Element ? [...node.querySelectorAll('input')] : [],
    );
    this.#prerendered.forEach((node) => node.remove());
    this.#prerendered = [];
    for (const field of typed) {
      const input = field.id && this.querySelector<HTMLInputElement>(`#${CSS.escape(field.id)}`);
      if (!input) continue;
      if (field.value !== field.defaultValue) {
        input.value = field.value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (field === active) {
        input.focus({ preventScroll: true });
        input.setSelectionRange(field.selectionStart, field.selectionEnd);
      }
    }
  }

  /** Once the step's element is defined and rendered: focus its heading (after a step change) and name the document. */
  async #settle(step: Exclude<StepId, 'redirect'>, moved: boolean) {
    const tag = stepPages[step][0];
    await customElements.whenDefined(tag);
    const page = this.querySelector<StepPage>(`main > ${tag}`) ?? undefined;
    if (this.#prerendered.length > 0) {
      await page?.updateComplete;
      this.#takeOver();
    }
    if (moved) await page?.focusHeading();
    if (this.routing === 'history') await this.#updateTitle(page);
  }

  async #updateTitle(page: StepPage | undefined) {
    await page?.updateComplete;
    const heading = page?.querySelector('h1')?.textContent?.trim();
    const tenant = this.config?.displayName;
    document.title = [heading, tenant].filter(Boolean).join(' – ');
  }

  /** Continue after an ending; without the tenant's settings there is nothing to go back to but a reload. */
  #continue = () => {
    if (this.#context) this.#dispatch({ type: 'continue' });
    else void this.#start();
  };

  #dispatch(action: FlowAction) {
    if (this.flow && this.#context) this.flow = nextFlowState(this.flow, action, this.#context);
  }

  /**
   * Runs one request at a time; a second submit while one runs is dropped, and an answer that
   * arrives after the user has moved on (Cancel, Back) is ignored.
   */
  async #run<T>(
    request: (client: ApiClient) => Promise<ApiResult<T>>,
    onSuccess: (value: T) => FlowAction,
  ) {
    const api = this.#api;
    const before = this.flow;
    if (this.busy || !api || !before) return;
    this.busy = true;
    try {
      const result = await callApi(api, request);
      if (this.flow !== before) return;
      this.#dispatch(
        result.ok
          ? onSuccess(result.value)
          : { type: 'failed', failure: result.failure, now: Date.now() },
      );
    } finally {
      this.busy = false;
    }
  }

  #submit(submission: StepSubmission) {
    if (submission.step === 'sign-in')
      this.#dispatch({ type: 'entered', value: submission.identifier });
    if (submission.step === 'reset-email')
      this.#dispatch({ type: 'entered', value: submission.email });
    const flow = this.flow;
    switch (submission.step) {
      case 'sign-in':
        return this.#run(
          (client) =>
            client.signIn({ identifier: submission.identifier, password: submission.password }),
          (value): FlowAction =>
            value.status === 'signed-in'
              ? { type: 'signed-in' }
              : { type: 'confirm-email-required', flowId: value.flowId, email: value.email },
        );
      case 'confirm-email':
        if (flow?.step !== 'confirm-email') return;
        return this.#run(
          (client) => client.sendConfirmationCode(flow.flowId),
          (value) => ({
            type: 'code-sent',
            flowId: flow.flowId,
            email: flow.email,
            now: Date.now(),
            ...value,
          }),
        );
      case 'confirm-code':
        if (flow?.step !== 'confirm-code') return;
        return this.#run(
          (client) => client.verifyConfirmationCode(flow.flowId, { code: submission.code }),
          () => ({ type: 'signed-in' }),
        );
      case 'reset-email':
        return this.#run(
          (client) => client.startReset({ email: submission.email }),
          (value) => ({ type: 'code-sent', email: submission.email, now: Date.now(), ...value }),
        );
      case 'reset-code':
        if (flow?.step !== 'reset-code') return;
        return this.#run(
          (client) => client.verifyCode(flow.flowId, { code: submission.code }),
          () => ({ type: 'code-verified' }),
        );
      case 'new-password':
        if (flow?.step !== 'new-password') return;
        return this.#run(
          (client) => client.setPassword(flow.flowId, { password: submission.password }),
          () => ({ type: 'password-changed' }),
        );
      default:
        return assertNever(submission);
    }
  }

  #resend() {
    const flow = this.flow;
    if (flow?.step !== 'reset-code' && flow?.step !== 'confirm-code') return;
    return this.#run(
      (client) =>
        flow.step === 'reset-code'
          ? client.resendCode(flow.flowId)
          : client.sendConfirmationCode(flow.flowId),
      (value) => ({ type: 'code-resent', now: Date.now(), ...value }),
    );
  }
}

/**
 * Runs a request with a client for `api`. The client (and the contract it validates with) loads
 * with the first request, since the hosted page's first paint makes none; a client that cannot
 * load is a network failure.
 */
async function callApi<T>(
  api: ApiClientOptions,
  request: (client: ApiClient) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  let client: ApiClient;
  try {
    const { ApiClient } = await import('../api/client.js');
    client = new ApiClient(api);
  } catch {
    return { ok: false, failure: { error: 'network' } };
  }
  return request(client);
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-app': GateApp;
  }
}
