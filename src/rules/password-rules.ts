import type { PasswordProblem, PasswordRules } from '../api/contract.schema.js';

/** Length in Unicode code points after NFKC, as docs/security.md#rule-1 counts it. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

/** The rules a browser can check without the server: length only (no composition rules). */
export function lengthProblems(password: string, rules: PasswordRules): PasswordProblem[] {
  const length = passwordLength(password);
  if (length < rules.minLength) return ['too_short'];
  if (length > rules.maxLength) return ['too_long'];
  return [];
}
