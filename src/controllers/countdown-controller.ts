import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Counts whole seconds down to a moment and re-renders its host once a second until then.
 * Reads the time through `now` so tests can drive it.
 */
export class CountdownController implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;
  #until = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly now: () => number = Date.now,
  ) {
    host.addController(this);
  }

  /** Seconds left, rounded up; 0 once the moment has passed. */
  get secondsLeft(): number {
    return Math.max(0, Math.ceil((this.#until - this.now()) / 1000));
  }

  set until(epochMs: number) {
    this.#until = epochMs;
    this.#schedule();
  }

  hostConnected() {
    this.#schedule();
  }

  hostDisconnected() {
    this.#stop();
  }

  #schedule() {
    this.#stop();
    if (this.secondsLeft === 0) return;
    this.#timer = setInterval(() => {
      if (this.secondsLeft === 0) this.#stop();
      this.host.requestUpdate();
    }, 250);
  }

  #stop() {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
