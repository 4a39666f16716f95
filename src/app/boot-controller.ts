import type { ApiClientOptions, ApiResult } from '../api/client.js';
import type { TenantConfig } from '../api/contract.schema.js';
import type { FlowState } from '../flow/flow-state.js';
import { HistoryRouter } from '../router/history-router.js';
import { allowedRedirect, parseRoute, routeUrl, type Route } from '../router/route.js';
import type { AppHost } from './app-host.js';
import type { FlowController } from './flow-controller.js';
import { dropSuperseded } from './latest.js';
import type { LocaleController } from './locale-controller.js';
import type { ThemeController } from './theme-controller.js';

const notFound: FlowState = { step: 'error', failure: { error: 'page_not_found' } };

/**
 * The client (and the contract it validates with) loads with the first request, since the hosted
 * page's first paint makes none; a client that cannot load is a network failure.
 */
const loadConfig = (api: ApiClientOptions): Promise<ApiResult<TenantConfig>> =>
  import('../api/client.js').then(
    ({ ApiClient }) => new ApiClient(api).call('config'),
    () => ({ ok: false, failure: { error: 'network' } }),
  );

/**
 * Boot: route → the tenant's settings → language and theme → policy and return address → the
 * flow's context and first step (or the step the history entry remembers). Also answers Back and
 * Forward, which restart or restore a step.
 */
export class BootController {
  /** The tenant's public settings, once loaded. */
  config: TenantConfig | undefined;
  /** What this visit asked for; `policy` is filled in once it is known. */
  route: Route | undefined;
  readonly router: HistoryRouter;

  constructor(
    private readonly host: AppHost,
    private readonly flow: FlowController,
    private readonly locale: LocaleController,
    private readonly theme: ThemeController,
  ) {
    this.router = new HistoryRouter(host, (url, snapshot) => void this.#popped(url, snapshot));
  }

  /** Starts (over): whatever an earlier start or step was waiting for is dropped. */
  start() {
    return this.#start().catch(dropSuperseded);
  }

  async #start() {
    const { flow, host, router } = this;
    const fresh = <T>(work: Promise<T> | T) => flow.latest.fresh(work);
    this.config = undefined;
    flow.reset();
    const route = (this.route = this.#readRoute());
    if (!route) {
      await fresh(
        this.locale.negotiate(router.url.searchParams.get('ui_locales') ?? undefined, undefined),
      );
      flow.state = notFound;
      return;
    }
    const api = (flow.api = { base: host.apiBase, tenant: route.tenant });
    const preloaded = host.preloadedConfig;
    const loaded = await fresh(
      preloaded?.tenant === route.tenant
        ? ({ ok: true, value: preloaded } as const)
        : loadConfig(api),
    );
    if (!loaded.ok) {
      await fresh(this.locale.negotiate(route.uiLocales, undefined));
      flow.state = { step: 'error', failure: loaded.failure };
      return;
    }
    const config = loaded.value;
    // Language and brand first, so that the first page paints in them rather than flashing the defaults.
    await fresh(
      Promise.all([this.locale.negotiate(route.uiLocales, config), this.theme.apply(config)]),
    );
    this.config = config;
    const policy = route.policy
      ? config.policies.find((candidate) => candidate.id === route.policy)
      : config.policies[0];
    if (!policy) {
      flow.state = notFound;
      return;
    }
    const redirect = allowedRedirect(route.redirectUri, config.redirectUris);
    if (!redirect.ok) {
      flow.state = { step: 'error', failure: redirect.failure };
      return;
    }
    const signInPolicy = config.policies.find((candidate) => candidate.kind === 'sign-in');
    this.route = { ...route, policy: policy.id };
    flow.context = {
      policy,
      resetAllowed: config.selfServiceReset,
      redirectUri: redirect.value,
      signInUrl:
        signInPolicy && host.routing === 'history'
          ? routeUrl({ ...this.route, policy: signInPolicy.id }, undefined)
          : undefined,
      loginHint: route.loginHint,
    };
    this.#show(await fresh(flow.stepFor(route.step, router.snapshot)));
  }

  #readRoute(): Route | undefined {
    const { host } = this;
    if (host.routing === 'history') {
      const parsed = parseRoute(this.router.url);
      return parsed.ok ? parsed.value : undefined;
    }
    if (!host.tenant) return undefined;
    return {
      tenant: host.tenant,
      policy: host.policy,
      step: undefined,
      redirectUri: host.redirectUri || undefined,
      loginHint: host.loginHint,
      uiLocales: undefined,
    };
  }

  /** Back or Forward: the same policy shows the remembered step; anything else starts over. */
  async #popped(url: URL, snapshot: FlowState | undefined) {
    const parsed = parseRoute(url);
    const { route, flow } = this;
    if (
      !parsed.ok ||
      !route ||
      !flow.context ||
      parsed.value.tenant !== route.tenant ||
      parsed.value.policy !== route.policy
    ) {
      return this.start();
    }
    await flow.latest
      .fresh(flow.stepFor(parsed.value.step, snapshot))
      .then((state) => this.#show(state), dropSuperseded);
  }

  /** A step from the URL and its history entry: shown without a new entry. */
  #show(state: FlowState) {
    this.router.restoring = true;
    this.flow.state = state;
  }
}
