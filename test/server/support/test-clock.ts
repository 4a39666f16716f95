import type { Clock } from '../../../src/server/clock.js';

/** Real time plus an offset that a test moves forward, e.g. past a code's 600 s. */
export class TestClock implements Clock {
  #offsetMs = 0;

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }
}
