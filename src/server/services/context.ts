/** What every service works with, and the shape of its answers. */
import type { ErrorBody } from '../../api/contract.schema.js';
import type { SupportedLocale } from '../../i18n/negotiate-locale.js';
import type { Clock } from '../clock.js';
import type { Database, Statement } from '../database/database.js';
import { hourMs, secondsUntil, type Limits } from '../../rules/limits.js';
import type { Logger } from '../log.js';
import type { Mailer } from '../mail/mailer.js';
import type { PasswordHash } from '../security/password-hash.js';
import { placeReturn, takePlace } from '../store/throttle.js';
import type { Result } from '../../shared/result.js';

export interface ServiceContext {
  db: Database;
  clock: Clock;
  limits: Limits;
  mailer: Mailer;
  log: Logger;
  /** The key of the codes' HMAC. */
  codeKey: Buffer;
  /** A hash of a random password: unknown users are checked against it, so they cost one KDF run too. */
  dummyPassword: PasswordHash;
}

/** Who asked: the client address that throttling counts and the language of the page. */
export interface RequestMeta {
  ip: string;
  locale: SupportedLocale;
}

export type Outcome<T> = Result<T, ErrorBody>;

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = (failure: ErrorBody): { ok: false; failure: ErrorBody } => ({
  ok: false,
  failure,
});

/**
 * Takes one of the client address's hourly failures before a password or code is judged, so that
 * parallel guesses cannot all be judged against the same count (docs/security.md#rule-16); a request
 * that turns out right gives it back (`clientFailureReturn`). 429 once none is left.
 */
export async function takeClientFailure(
  context: ServiceContext,
  ip: string,
  now: Date,
): Promise<ErrorBody | undefined> {
  const place = await takePlace(context.db, 'ip-failure', ip, now, {
    ms: hourMs,
    limit: context.limits.failuresPerIpPerHour,
  });
  if (place.taken) return undefined;
  return {
    error: 'too_many_requests',
    retryAfter: Math.max(1, secondsUntil(place.freesAt.getTime(), now.getTime())),
  };
}

export function clientFailureReturn(ip: string, now: Date): Statement {
  return placeReturn('ip-failure', ip, now);
}
