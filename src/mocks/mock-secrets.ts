/**
 * The mock's small stand-ins for the server's secrets and password checks: random digits and ids
 * from the platform's generator, and the password rules with a short common-password list.
 */
import type { PasswordProblem } from '../api/contract.schema.js';
import { newPasswordProblems } from '../rules/new-password-problems.js';
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

/** The tenant's rules for a new password, as the server applies them, with the short list above. */
export function mockPasswordProblems(
  password: string,
  email: string,
  tenant: Tenant,
): PasswordProblem[] {
  return newPasswordProblems(password, email, tenant, (folded) => commonPasswords.has(folded));
}
