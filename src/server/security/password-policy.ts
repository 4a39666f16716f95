/** The server's judgement of a new password: the shared rules with the full common-password list. */
import type { PasswordProblem } from '../../api/contract.schema.js';
import { newPasswordProblems as judge } from '../../rules/new-password-problems.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { isCommonPassword } from './common-passwords.js';

export function newPasswordProblems(
  password: string,
  email: string,
  tenant: Pick<Tenant, 'id' | 'displayName' | 'passwordRules'>,
): PasswordProblem[] {
  return judge(password, email, tenant, isCommonPassword);
}
