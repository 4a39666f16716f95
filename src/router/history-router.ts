import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The one stateful piece of routing: keeps the address bar and the session history in step with
 * the flow, and reports Back and Forward. What a URL means is decided by the pure functions in
 * route.ts; what a step is, by the policy.
 */
export class HistoryRouter<Snapshot> implements ReactiveController {
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

  /** A new step: a new history entry, so that Back returns to the step before. */
  push(path: string, snapshot: Snapshot) {
    history.pushState({ gatehouse: snapshot }, '', path);
  }

  /** The same step, corrected or restarted: no new entry. */
  replace(path: string, snapshot: Snapshot) {
    history.replaceState({ gatehouse: snapshot }, '', path);
  }

  #popped = (event: PopStateEvent) => {
    this.onPop(this.url, (event.state as { gatehouse?: Snapshot } | null)?.gatehouse);
  };
}
