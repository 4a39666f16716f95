/**
 * What may fail, in one shape everywhere: an API answer, a service's outcome, a data file read, a
 * URL parsed. `failure` says what went wrong, in the terms of its caller.
 */
export type Result<T, F> = { ok: true; value: T } | { ok: false; failure: F };
