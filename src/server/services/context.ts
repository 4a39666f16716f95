/** What every service works with, and the shape of its answers. */
import type { ErrorBody } from '../../api/contract.schema.js';
import type { SupportedLocale } from '../../i18n/negotiate-locale.js';
import type { Clock } from '../clock.js';
import type { Database } from '../database/database.js';
import { hourMs, secondsUntil, type Limits } from '../../rules/limits.js';
import type { Logger } from '../log.js';
import type { Mailer } from '../mail/mailer.js';
import type { PasswordHash } from '../security/password-hash.js';
import { countSince } from '../store/throttle.js';
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

/** 429 once a client address has used up its failures for the hour (docs/security.md#rule-16). */
export async function ipThrottled(
  context: ServiceContext,
  ip: string,
  now: Date,
): Promise<ErrorBody | undefined> {
  const window = await countSince(context.db, 'ip-failure', ip, new Date(now.getTime() - hourMs));
  if (window.count < context.limits.failuresPerIpPerHour) return undefined;
  const clears = (window.oldest?.getTime() ?? now.getTime()) + hourMs;
  return {
    error: 'too_many_requests',
    retryAfter: Math.max(1, secondsUntil(clears, now.getTime())),
  };
}
