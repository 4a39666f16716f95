/**
 * The numbers of docs/security.md rules 7, 9, 15 and 16, in one place, kept by the server and the
 * mock alike. Tests may pass other values (for example a low per-IP budget), production runs these.
 */
export interface Limits {
  /** Rule 7: a code lives 600 s. */
  codeLifetimeMs: number;
  /** Rule 7: 5 wrong tries, then the code is dead. */
  codeTries: number;
  /** Rule 9: no new code sooner than 30 s after the last one. */
  resendAfterMs: number;
  /** Rule 9: codes per address per hour. */
  codesPerAddressPerHour: number;
  /** Rule 9: failed code entries per account per 24 h. */
  failedCodesPerAccountPerDay: number;
  /** Rule 15: failed sign-ins in a row that lock an account. */
  signInFailuresBeforeLock: number;
  /** Rule 15: the first lock; each further lock doubles it up to the cap. */
  lockBaseMs: number;
  lockCapMs: number;
  /** Rule 16 (ours): failed sign-ins and code entries per client IP per hour, then 429. */
  failuresPerIpPerHour: number;
  /** Ours: a reset or reconfirmation flow ends this long after it started. */
  flowLifetimeMs: number;
  /** Ours: how long a sign-in session lasts. */
  sessionLifetimeMs: number;
  /** Ours: an embedded sign-in's ticket must reach the front door within this (docs/embedding.md). */
  ticketLifetimeMs: number;
}

const minute = 60_000;
export const hourMs = 60 * minute;
export const dayMs = 24 * hourMs;

export const defaultLimits: Limits = {
  codeLifetimeMs: 10 * minute,
  codeTries: 5,
  resendAfterMs: 30_000,
  codesPerAddressPerHour: 10,
  failedCodesPerAccountPerDay: 100,
  signInFailuresBeforeLock: 10,
  lockBaseMs: minute,
  lockCapMs: 15 * minute,
  failuresPerIpPerHour: 100,
  flowLifetimeMs: 30 * minute,
  sessionLifetimeMs: 8 * hourMs,
  ticketLifetimeMs: minute,
};

/** Whole seconds until `until`, at least 1 when there is anything left to wait. */
export function secondsUntil(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}
