/**
 * AES-256-GCM for what must be stored but not readable at rest, such as a code waiting in the mail
 * queue (docs/security.md#rule-6): a fresh 96-bit nonce per message, the tag checked on opening, and the
 * row's id as associated data so that a sealed value cannot be moved to another row.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const nonceBytes = 12;
const tagBytes = 16;

/** The first 32 bytes of a secret from `loadSecret` (which holds at least that many). */
const aesKey = (key: Buffer) => key.subarray(0, 32);

export function seal(key: Buffer, plaintext: string, boundTo: string): string {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', aesKey(key), nonce);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the key is wrong or the value was changed or moved. */
export function open(key: Buffer, sealed: string, boundTo: string): string {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', aesKey(key), bytes.subarray(0, nonceBytes));
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(bytes.subarray(nonceBytes, nonceBytes + tagBytes));
  return Buffer.concat([
    decipher.update(bytes.subarray(nonceBytes + tagBytes)),
    decipher.final(),
  ]).toString('utf8');
}
