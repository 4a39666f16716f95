/**
 * One import record checked against the tenant: the user it makes, or every field that is wrong.
 * The columns are documented in docs/operators.md#the-import-file.
 */
import { emailAddressSchema, usernameSchema } from '../../api/contract.schema.js';
import { normaliseEmail } from '../../rules/email-address.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import { parsePasswordHash } from '../security/password-hash.js';
import type { ImportedUser } from '../store/user-import.js';

export const importColumns = [
  'identifier',
  'recovery_email',
  'recovery_email_verified',
  'groups',
  'display_name',
  'locale',
  'password_hash',
] as const;

/** Other names a file may give the sign-in name's column (an Entra or Auth0 export says email). */
const identifierAliases = ['email', 'username'];

export interface FieldProblem {
  field: string;
  problem: string;
}

export const groupPattern = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;
const truthy = new Set(['true', 'yes', '1']);
const falsy = new Set(['false', 'no', '0', '']);

/** Columns a file may not have: the header is checked once, before any row. */
export function unknownColumns(names: readonly string[]): string[] {
  const known = new Set<string>([...importColumns, ...identifierAliases]);
  return names.filter((name) => !known.has(name));
}

const text = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : typeof value === 'string' ? value : undefined;

export function checkImportRow(
  fields: Record<string, unknown>,
  tenant: Tenant,
): { ok: true; user: ImportedUser } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const wrongType = (field: string) => problems.push({ field, problem: 'must be text' });
  const unknown = unknownColumns(Object.keys(fields));
  for (const field of unknown) problems.push({ field, problem: 'is not a column of the import' });

  const identifierField =
    ['identifier', ...identifierAliases].find((name) => fields[name] !== undefined) ?? 'identifier';
  const rawIdentifier = text(fields[identifierField]);
  const usernames = tenant.signInName === 'username';
  let email = '';
  if (rawIdentifier === undefined || rawIdentifier.trim() === '') {
    problems.push({ field: identifierField, problem: 'is required' });
  } else {
    email = normaliseEmail(rawIdentifier);
    const shown = JSON.stringify(rawIdentifier).slice(1, -1);
    if (usernames && !usernameSchema.safeParse(email).success) {
      problems.push({
        field: identifierField,
        problem: `"${shown}" is not a username (letters, digits, . _ -; up to 64; accounts sign in with a username)`,
      });
    } else if (!usernames && !emailAddressSchema.safeParse(email).success) {
      problems.push({
        field: identifierField,
        problem: `"${shown}" is not an email address (accounts sign in with their email)`,
      });
    }
  }

  const recovery = text(fields.recovery_email);
  if (fields.recovery_email !== undefined && recovery === undefined) wrongType('recovery_email');
  let recoveryEmail: string | null = null;
  if (usernames && recovery?.trim()) {
    recoveryEmail = normaliseEmail(recovery);
    if (!emailAddressSchema.safeParse(recoveryEmail).success) {
      problems.push({ field: 'recovery_email', problem: 'is not an email address' });
    }
  } else if (recovery && email && normaliseEmail(recovery) !== email) {
    problems.push({
      field: 'recovery_email',
      problem:
        'must be the sign-in email: the reset code goes to the address the user signs in with',
    });
  }

  let emailVerified = false;
  const verified = fields.recovery_email_verified;
  if (typeof verified === 'boolean') emailVerified = verified;
  else if (verified === undefined || verified === null) emailVerified = false;
  else if (typeof verified === 'string' && truthy.has(verified.trim().toLowerCase())) {
    emailVerified = true;
  } else if (!(typeof verified === 'string' && falsy.has(verified.trim().toLowerCase()))) {
    problems.push({ field: 'recovery_email_verified', problem: 'must be true or false' });
  }

  let groups: string[] = [];
  const rawGroups = fields.groups;
  if (Array.isArray(rawGroups))
    groups = rawGroups.map((group) => (typeof group === 'string' ? group.trim() : '\0'));
  else if (typeof rawGroups === 'string') {
    groups = rawGroups
      .split(';')
      .map((group) => group.trim())
      .filter((group) => group !== '');
  } else if (rawGroups !== undefined && rawGroups !== null) wrongType('groups');
  const badGroup = groups.find((group) => !groupPattern.test(group));
  if (badGroup !== undefined) {
    problems.push({
      field: 'groups',
      problem: `"${JSON.stringify(badGroup).slice(1, -1)}" is not a group name (letters, digits, space, . _ -; up to 100)`,
    });
  }
  if (groups.length > 50) problems.push({ field: 'groups', problem: 'at most 50 groups' });

  const displayName = text(fields.display_name)?.trim() || null;
  if (fields.display_name !== undefined && text(fields.display_name) === undefined) {
    wrongType('display_name');
  } else if (
    displayName !== null &&
    (displayName.length > 100 || /[\0\p{Cc}]/u.test(displayName))
  ) {
    problems.push({
      field: 'display_name',
      problem: 'at most 100 characters, no control characters',
    });
  }

  const locale = text(fields.locale)?.trim() || null;
  if (fields.locale !== undefined && text(fields.locale) === undefined) wrongType('locale');
  else if (locale !== null && !tenant.locales.includes(locale)) {
    problems.push({
      field: 'locale',
      problem: `must be one of the tenant's locales: ${tenant.locales.join(', ')}`,
    });
  }

  const rawHash = text(fields.password_hash)?.trim() ?? '';
  if (
    fields.password_hash !== undefined &&
    fields.password_hash !== null &&
    text(fields.password_hash) === undefined
  ) {
    wrongType('password_hash');
  }
  const password = rawHash === '' ? null : parsePasswordHash(rawHash);
  if (password === undefined) {
    problems.push({
      field: 'password_hash',
      problem: 'is not a scrypt hash in the server’s format ($scrypt$ln=…,r=…,p=…$salt$hash)',
    });
  } else if (password === null && tenant.selfServiceReset.enabled === 'none') {
    problems.push({
      field: 'password_hash',
      problem:
        'is required while the tenant’s self-service reset is "none": without it the user could never set a password',
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    user: {
      email,
      recoveryEmail,
      password: password ?? null,
      groups,
      // A username account without a recovery email has nothing to be verified.
      emailVerified: emailVerified && (!usernames || recoveryEmail !== null),
      displayName,
      locale,
    },
  };
}
