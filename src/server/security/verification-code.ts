/**
 * Verification codes (docs/security.md, rules 6 and 11): 6 digits from a CSPRNG, stored only as an
 * HMAC-SHA256 keyed with a server secret and bound to its flow, compared in constant time.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { codeLength } from '../../api/contract.schema.js';

export function newCode(): string {
  return String(randomInt(0, 10 ** codeLength)).padStart(codeLength, '0');
}

/** The flow id is part of the MAC, so a code is worth nothing in any other flow. */
export function codeHash(key: Buffer, flowId: string, code: string): string {
  return createHmac('sha256', key).update(`${flowId}\n${code}`).digest('base64');
}

/**
 * Whether `code` is the one whose hash is `stored`. A flow without a code (an unknown address, an
 * account that may not reset) costs the same work and never matches.
 */
export function codeMatches(
  key: Buffer,
  flowId: string,
  code: string,
  stored: string | null,
): boolean {
  const given = Buffer.from(codeHash(key, flowId, code), 'base64');
  const expected = stored === null ? Buffer.alloc(given.length) : Buffer.from(stored, 'base64');
  const equal = expected.length === given.length && timingSafeEqual(given, expected);
  return equal && stored !== null;
}
