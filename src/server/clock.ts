/** Where the server reads the time: injectable, so that tests can move it past a code's lifetime. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
