import { LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import type { TenantConfig } from '../api/contract.schema.js';
import { contractVersion } from '../api/contract-version.js';
import { FlowChangeEvent } from '../events/flow-change-event.js';
import type { FlowState } from '../flow/flow-state.js';
import { shellParts } from './first-step.js';
import { routeUrl } from '../router/route.js';
import { getLocale, prefetchLocale } from '../i18n/localization.js';
import { enabledLocales } from '../i18n/negotiate-locale.js';
import { loadFailureTexts, loadSpinner, type StepPage } from '../pages/step-page.js';
import { adoptGateStyles } from './adopt-styles.js';
import { shellTemplate } from './app-shell.js';
import { BootController } from './boot-controller.js';
import { FlowController } from './flow-controller.js';
import { LocaleController } from './locale-controller.js';
import { stepPages } from './step-pages.js';
import { stepParts, stepTemplate } from './step-template.js';
import { TakeoverController } from './takeover-controller.js';
import { ThemeController } from './theme-controller.js';

/** The properties that start the flow over when they change. */
const startInputs = [
  'tenant',
  'policy',
  'apiBase',
  'server',
  'authorizationUrl',
  'routing',
  'loginHint',
  'redirectUri',
  'preloadedConfig',
];

/**
 * The hosted flow: loads the tenant's public settings, picks the policy, holds the flow state
 * and swaps the step pages. With `routing="history"` the URL names tenant, policy and step, and
 * Back, Forward and reload move between steps. Renders into light DOM (credential inputs must be
 * reachable from `document`) and adopts its stylesheet into whatever root it is placed in.
 * The work is done by its controllers: boot, flow (and its effects), theme, locale, history and
 * the takeover of the server's rendering; this element wires them to its properties and events.
 *
 * @attr heading-level - Embedded: the level (1–6) the steps' headings take in the host page's
 *   outline, read as each step renders (default 1).
 * @attr prerendered - Set by the server on the hosted page: what the element holds is the server's
 *   rendering of the first step, replaced once the element has rendered its own.
 * @fires gate-flow-change - After every step change, with the new step in `detail.step`.
 * @fires gate-redirect - Before leaving for an allowed address (`detail.url`); cancel it to navigate yourself.
 * @fires gate-signed-in - Embedded for an app (`authorization-url`): signed in, before the browser goes
 *   to the front door (`detail.url`), which answers the app with a code; cancel it to navigate yourself.
 */
@customElement('gate-app')
@localized()
export class GateApp extends LitElement {
  /** The tenant whose pages these are, e.g. `contoso` (ignored with `routing="history"`). */
  @property() tenant = '';

  /** The policy id, e.g. `B2C_1_signin`; empty picks the tenant's first policy (ignored with history routing). */
  @property() policy = '';

  /**
   * Gatehouse's address when the element is on another site's page, e.g. `https://id.example.com`:
   * the API, the theme packs and the front door are found there. Empty: this page's origin.
   */
  @property() server = '';

  /** Where the contract's paths start (relative to `server`). */
  @property({ attribute: 'api-base' }) apiBase = `/api/${contractVersion}`;

  /**
   * Embedded for one of the tenant's apps: the authorization request its OpenID Connect library
   * built for Gatehouse's front door (client id, redirect URI, state, nonce, PKCE challenge). A
   * sign-in then ends there, and the app's redirect URI gets a code to exchange (docs/embedding.md).
   */
  @property({ attribute: 'authorization-url' }) authorizationUrl = '';

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
  @property({ type: Array, converter: (value) => value?.split(/\s+/).filter(Boolean) ?? [] })
  themes: string[] = [];

  /**
   * The tenant's settings, when the page has them already (the hosted page carries them in its
   * HTML): used instead of asking the API, if they are the routed tenant's.
   */
  @property({ attribute: false }) preloadedConfig: TenantConfig | undefined;

  readonly #flow = new FlowController(this, (state, previous) => this.#shown(state, previous));
  readonly #theme = new ThemeController(this);
  readonly #locale = new LocaleController(this);
  readonly #boot = new BootController(this, this.#flow, this.#locale, this.#theme);
  readonly #takeover = new TakeoverController(this);

  constructor() {
    super();
    // The steps' events bubble up to here.
    const flow = this.#flow;
    this.addEventListener('gate-step-submit', (event) => void flow.submit(event.submission));
    this.addEventListener('gate-forgot-password', (event) =>
      flow.dispatch({
        type: 'forgot-password',
        identifier: event.identifier,
        ...(event.reason ? { reason: event.reason } : {}),
      }),
    );
    this.addEventListener('gate-step-cancel', () => flow.dispatch({ type: 'cancel' }));
    // After an ending; without the tenant's settings there is nothing to go back to but a reload.
    this.addEventListener('gate-step-continue', () =>
      flow.context ? flow.dispatch({ type: 'continue' }) : void this.#boot.start(),
    );
    this.addEventListener('gate-change-email', () => flow.dispatch({ type: 'change-email' }));
    this.addEventListener('gate-resend-code', () => void flow.run({ step: 'resend' }));
    this.addEventListener('gate-locale-change', async ({ locale }) => {
      const route = this.#boot.route;
      // `ui_locales` outranks the pick; rewrite it so a reload keeps the new language.
      if (route?.uiLocales !== undefined) this.#boot.route = { ...route, uiLocales: locale };
      await this.#locale.choose(locale);
      if (flow.state) this.#sync(flow.state);
    });
  }

  protected override createRenderRoot() {
    this.#takeover.hold();
    // A page the server rendered carries these styles inline already; adopting them as well
    // would restyle the whole page, maybe before its first frame.
    if (!this.#takeover.holding) adoptGateStyles(this.getRootNode() as Document | ShadowRoot);
    return this;
  }

  protected override async scheduleUpdate() {
    if (!this.hasUpdated) await this.#takeover.painted();
    super.scheduleUpdate();
  }

  override firstUpdated() {
    // Fetch the other steps, the flow's effects with the API client, the schemas, the failure
    // texts and the tenant's other languages while the user reads the first page, so that a
    // submit, a step change or a language switch is one render, painted in the next frame. What
    // fails here is fetched again when needed.
    setTimeout(() => {
      [
        ...Object.values(stepPages).map((load) => load()),
        import('./flow-effects.js'),
        // The schemas (and zod): a first answer, or a first switch to another theme, is then
        // checked without waiting for them.
        import('../api/contract.schema.js'),
        import('../theme/runtime/checked-theme.schema.js'),
        loadFailureTexts(),
      ].forEach((chunk) => chunk.catch(() => undefined));
      loadSpinner();
      enabledLocales(this.#boot.config?.locales ?? []).forEach(prefetchLocale);
      this.#theme.prefetch(true);
    }, 1000);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    const step = this.#flow.state?.step;
    if (step && step !== 'redirect') void stepPages[step]();
    if (changed.has('themes')) this.#theme.prefetch();
    if (startInputs.some((name) => changed.has(name))) void this.#boot.start();
    else if (changed.has('theme') && this.#boot.config) void this.#theme.apply(this.#boot.config);
  }

  override render() {
    // The server's rendering of the first step stays until this element can show its own.
    if (!this.#flow.state && this.#takeover.holding) return nothing;
    const { config, route } = this.#boot;
    return shellTemplate({
      ...shellParts(getLocale(), config, this.#theme.resolved, (text) =>
        stepTemplate(
          this.#flow.state,
          stepParts(
            config,
            this.#flow.context,
            text,
            route && this.routing === 'history' ? routeUrl(route, 'reset-email') : '#reset',
            this.#flow.busy,
          ),
        ),
      ),
      embedded: this.routing !== 'history',
    });
  }

  #sync(state: FlowState) {
    if (this.routing === 'history')
      this.#boot.router.sync(this.#boot.route, this.#flow.context, state);
  }

  /** After a new state has rendered: the URL, the events, and (for a new step) focus and title. */
  #shown(state: FlowState, previous: FlowState | undefined) {
    this.#sync(state);
    if (previous?.step === state.step) return;
    if (state.step === 'redirect') {
      void this.#flow.leave(this, state);
      return;
    }
    void this.#settle(previous !== undefined);
    this.dispatchEvent(new FlowChangeEvent(state.step));
  }

  /** Once the step's element is defined and rendered: take over, focus its heading (after a step change) and name the document. */
  async #settle(moved: boolean) {
    // The step's page is the last element of this element's own card: the server's rendering,
    // while held, comes before the shell, and the tenant's name before the page.
    const page =
      (this.lastElementChild?.querySelector('.gate-card')?.lastElementChild as StepPage | null) ??
      undefined;
    if (page) await customElements.whenDefined(page.localName);
    // Only awaited when there is something to take over: the heading takes focus as soon as it can.
    if (this.#takeover.holding) await this.#takeover.release(page);
    if (moved) await page?.focusHeading();
    if (this.routing !== 'history') return;
    await page?.updateComplete;
    const heading = page?.querySelector('h1')?.textContent?.trim();
    document.title = [heading, this.#boot.config?.displayName].filter(Boolean).join(' – ');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-app': GateApp;
  }
}
