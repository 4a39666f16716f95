import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { urlStepOf, type FlowContext, type FlowState } from '../flow/flow-state.js';
import { policySteps } from '../flow/policy-steps.js';
import { parseRoute, routeUrl, type Route } from './route.js';

/** What a history entry keeps of a step: enough to show it again, without its alerts. */
type Snapshot = FlowState;

/**
 * The one stateful piece of routing: keeps the address bar and the session history in step with
 * the flow, and reports Back and Forward. What a URL means is decided by the pure functions in
 * route.ts; what a step is, by the policy.
 */
export class HistoryRouter implements ReactiveController {
  /** Set while showing a step that came from the history (Back, reload), so it is not pushed again. */
  restoring = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly onPop: (url: URL, snapshot: Snapshot | undefined) => void,
  ) {
    host.addController(this);
  }

  get url(): URL {
    return new URL(location.href);
  }

  /** What was stored with the current entry; survives a reload of the tab. */
  get snapshot(): Snapshot | undefined {
    return (history.state as { gatehouse?: Snapshot } | null)?.gatehouse;
  }

  hostConnected() {
    window.addEventListener('popstate', this.#popped);
  }

  hostDisconnected() {
    window.removeEventListener('popstate', this.#popped);
  }

  /**
   * Puts the flow's step into the address bar. A new step gets a new history entry, so that Back
   * returns to the step before; the same step (or a restored one) only updates its entry.
   */
  sync(route: Route | undefined, context: FlowContext | undefined, flow: FlowState) {
    const restoring = this.restoring;
    this.restoring = false;
    const step = urlStepOf(flow);
    if (!route || !context || !step) return;
    const first = policySteps(context.policy, context.resetAllowed)[0];
    const path = routeUrl(route, step === first ? undefined : step);
    const {
      alert: _alert,
      resent: _resent,
      ...snapshot
    } = flow as FlowState & { alert?: unknown; resent?: unknown };
    const current = parseRoute(this.url);
    const sameStep = current.ok && (current.value.step ?? first) === step;
    const state = { gatehouse: snapshot as Snapshot };
    if (restoring || sameStep) history.replaceState(state, '', path);
    else history.pushState(state, '', path);
  }

  #popped = (event: PopStateEvent) => {
    this.onPop(this.url, (event.state as { gatehouse?: Snapshot } | null)?.gatehouse);
  };
}
