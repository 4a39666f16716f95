/** The admin CLI's command line, read into a request of admin-request.schema.ts. */
import { parseArgs } from 'node:util';
import type { AdminRequest } from './admin-request.schema.js';

export const usage = `Usage: npm run admin -- <command> [options]

Commands:
  user add --tenant <t> --email <e> [--group <g>]...
                              the password from the prompt, or the first line of stdin
  user show --tenant <t> --email <e> [--json]
                              state, groups, last sign-in, lock and recovery email
  user update --tenant <t> --email <e> [--add-group <g>]... [--remove-group <g>]...
              [--recovery-email <e> [--verified]] [--require-reset]
  user unlock --tenant <t> --email <e>
  user sessions revoke --tenant <t> --email <e>
                              signs the user out everywhere, apps' tokens included
  user import --tenant <t> --file <users.csv|users.json|users.jsonl> [--dry-run]
                              adds the file's users; those already there are skipped
                              (columns: docs/operators.md#the-import-file)
  user list --tenant <t> [--json]
  user remove --tenant <t> --email <e>
  audit --tenant <t> [--since <ISO 8601 date>]
                              the reset funnel's totals
  audit --tenant <t> --user <email> [--json]
                              one user's trail: what happened, when, and the result
  report --tenant <t> [--days 30] [--html <report.html>] [--csv <dir>]
                              coverage by group, resets and sign-in trouble per day, top
                              failure reasons (columns: docs/operators.md#report-files)
  rollout send --tenant <t> --template coming-soon|available-now|reminder [--group <g>]
               [--rate <n>/s] [--dry-run [--preview <dir>]]
                              announces self-service reset; a rerun sends no duplicates
  mail dead-letters --tenant <t>
  keys list                   the ID tokens' signing keys
  keys rotate                 a new signing key; the old ones stay published for 24 hours
  run-now --tenant <t> --policy <p>
                              the Run now link of a user flow (the tenant must enable runNow)

--json prints a listing as JSON, for scripts.
Storage is read from the environment as the server reads it (DATA_DIR, DATABASE_URL).`;

export function parseCommand(argv: string[]): { request: AdminRequest; json: boolean } {
  const json = argv.includes('--json');
  const request = parseRequest(argv.filter((arg) => arg !== '--json'));
  if (json && !listings.has(request.command)) {
    throw new Error(`--json goes with a listing: ${[...listings].join(', ')}`);
  }
  return { request, json };
}

/** Commands whose answer is a list or a record, which `--json` prints for scripts. */
const listings = new Set<AdminRequest['command']>(['user-list', 'user-show', 'audit-user']);

function parseRequest(argv: string[]): AdminRequest {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      tenant: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      group: { type: 'string', multiple: true },
      'add-group': { type: 'string', multiple: true },
      'remove-group': { type: 'string', multiple: true },
      'recovery-email': { type: 'string' },
      verified: { type: 'boolean' },
      'require-reset': { type: 'boolean' },
      since: { type: 'string' },
      user: { type: 'string' },
      policy: { type: 'string' },
    },
  });
  if (values.password !== undefined) {
    throw new Error(
      'a password is never taken from the command line, where ps and shell history keep it: type it at the prompt or pipe it on stdin',
    );
  }
  const need = (name: 'tenant' | 'email' | 'policy') => {
    const value = values[name];
    if (!value) throw new Error(`--${name} is required for "${positionals.join(' ')}"`);
    return value;
  };
  const allow = (...names: string[]) => {
    const extra = Object.keys(values).filter((name) => !names.includes(name));
    if (extra.length > 0) {
      throw new Error(
        `"${positionals.join(' ')}" takes no ${extra.map((name) => `--${name}`).join(', ')}`,
      );
    }
  };
  switch (positionals.join(' ')) {
    case 'user add':
      allow('tenant', 'email', 'group');
      return {
        command: 'user-add',
        tenant: need('tenant'),
        email: need('email'),
        // Read from the prompt or stdin once the command line is known good (see main).
        password: '',
        groups: values.group ?? [],
      };
    case 'user show':
      allow('tenant', 'email');
      return { command: 'user-show', tenant: need('tenant'), email: need('email') };
    case 'user update': {
      allow(
        'tenant',
        'email',
        'add-group',
        'remove-group',
        'recovery-email',
        'verified',
        'require-reset',
      );
      if (values.verified && values['recovery-email'] === undefined) {
        throw new Error('--verified goes with --recovery-email');
      }
      const request = {
        command: 'user-update' as const,
        tenant: need('tenant'),
        email: need('email'),
        addGroups: values['add-group'] ?? [],
        removeGroups: values['remove-group'] ?? [],
        ...(values['recovery-email'] === undefined
          ? {}
          : { recoveryEmail: values['recovery-email'] }),
        recoveryEmailVerified: values.verified ?? false,
        requireReset: values['require-reset'] ?? false,
      };
      if (
        request.addGroups.length + request.removeGroups.length === 0 &&
        request.recoveryEmail === undefined &&
        !request.requireReset
      ) {
        throw new Error(
          '"user update" needs --add-group, --remove-group, --recovery-email or --require-reset',
        );
      }
      return request;
    }
    case 'user unlock':
      allow('tenant', 'email');
      return { command: 'user-unlock', tenant: need('tenant'), email: need('email') };
    case 'user sessions revoke':
      allow('tenant', 'email');
      return { command: 'user-sessions-revoke', tenant: need('tenant'), email: need('email') };
    case 'user list':
      allow('tenant');
      return { command: 'user-list', tenant: need('tenant') };
    case 'user remove':
      allow('tenant', 'email');
      return { command: 'user-remove', tenant: need('tenant'), email: need('email') };
    case 'audit':
      if (values.user !== undefined) {
        allow('tenant', 'user');
        return { command: 'audit-user', tenant: need('tenant'), email: values.user };
      }
      allow('tenant', 'since');
      return {
        command: 'audit',
        tenant: need('tenant'),
        ...(values.since === undefined ? {} : { since: values.since }),
      };
    case 'mail dead-letters':
      allow('tenant');
      return { command: 'mail-dead-letters', tenant: need('tenant') };
    case 'keys list':
      allow();
      return { command: 'keys-list' };
    case 'keys rotate':
      allow();
      return { command: 'keys-rotate' };
    default:
      throw new Error(
        positionals.length === 0
          ? 'No command given'
          : `Unknown command "${positionals.join(' ')}"`,
      );
  }
}
