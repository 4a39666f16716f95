/**
 * The languages an `Accept-Language` header asks for, most wanted first, as `navigator.languages`
 * lists them in the browser (hono parses the header). Negotiation bounds how many tags it reads
 * (docs/security.md#rule-20); the header is cut before parsing as well.
 */
import { parseAccept } from 'hono/utils/accept';

export function acceptedLanguages(header: string | undefined): string[] {
  return parseAccept(header?.slice(0, 256) ?? '')
    .filter(({ type, q }) => type !== '*' && q > 0)
    .map(({ type }) => type);
}
