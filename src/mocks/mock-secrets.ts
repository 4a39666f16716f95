/**
 * The mock's small stand-ins for the server's secrets and password checks: random digits and ids
 * from the platform's generator, and the password rules with a short common-password list.
 */
import type { PasswordProblem } from '../api/contract.schema.js';
import { lengthProblems } from '../rules/password-rules.js';
import type { Tenant } from '../tenant/tenant.schema.js';

/** A few of the most common passwords of at least 8 characters; the server ships a full list. */
const commonPasswords = new Set([
  'password',
  'password1',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'iloveyou',
  'passwordpassword',
  '123456789012345',
  'qwertyuiopasdfg',
]);

export function randomDigits(length: number): string {
  const digits: number[] = [];
  const buffer = new Uint8Array(1);
  while (digits.length < length) {
    crypto.getRandomValues(buffer);
    // Reject 250-255 so that every digit is equally likely.
    if (buffer[0]! < 250) digits.push(buffer[0]! % 10);
  }
  return digits.join('');
}

export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The tenant's rules for a new password, as the server applies them (length, common, context). */
export function mockPasswordProblems(
  password: string,
  email: string,
  tenant: Tenant,
): PasswordProblem[] {
  const length = lengthProblems(password, {
    minLength: tenant.passwordRules.minLength,
    maxLength: 128,
  });
  if (length.length > 0) return length;
  const folded = password.normalize('NFKC').toLowerCase();
  if (commonPasswords.has(folded)) return ['common'];
  const localPart = email.split('@')[0] ?? '';
  const context = [email, localPart, tenant.id, tenant.displayName.toLowerCase()];
  return context.some((word) => word.length >= 3 && folded.includes(word)) ? ['context'] : [];
}
