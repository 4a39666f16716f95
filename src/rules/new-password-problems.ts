/**
 * Which new passwords are refused, and why (docs/security.md, rules 1-3): length in code points
 * after NFKC within the tenant's bounds, not one of the most common passwords, and not containing
 * the tenant's name or the user's email address or its local part. No composition rules. The
 * server and the mock API both judge with this; each brings its own list of common passwords.
 */
import type { PasswordProblem } from '../api/contract.schema.js';
import type { Tenant } from '../tenant/tenant.schema.js';
import { lengthProblems } from './password-rules.js';

/** Context words shorter than this are part of too many good passwords to refuse them. */
const minContextWordLength = 3;

export function newPasswordProblems(
  password: string,
  email: string,
  tenant: Pick<Tenant, 'id' | 'displayName' | 'passwordRules'>,
  /** Whether a password (NFKC, lower case) is one of the most common. */
  isCommon: (folded: string) => boolean,
): PasswordProblem[] {
  const length = lengthProblems(password, {
    minLength: tenant.passwordRules.minLength,
    maxLength: 128,
  });
  if (length.length > 0) return length;
  const folded = password.normalize('NFKC').toLowerCase();
  const problems: PasswordProblem[] = [];
  if (isCommon(folded)) problems.push('common');
  // Folded before the split, so that a full-width at sign parts the local part too.
  const address = email.normalize('NFKC');
  const context = [address, address.split('@')[0] ?? '', tenant.id, tenant.displayName]
    .map((word) => word.normalize('NFKC').toLowerCase())
    .filter((word) => word.length >= minContextWordLength);
  if (context.some((word) => folded.includes(word))) problems.push('context');
  return problems;
}
