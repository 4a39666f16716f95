/**
 * `npm run admin -- <args>` as an operator runs it, on the storage that `env` names; `stdin` is what
 * a pipe gives it (a password: the CLI takes none from its arguments).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function adminCli(args: string[], env: Record<string, string>, stdin = '') {
  const running = run(process.execPath, ['--import', 'tsx', 'src/server/admin-cli.ts', ...args], {
    env: { ...process.env, ...env },
    // A CLI that never exits fails the test with what it printed, not a silent test timeout.
    timeout: 60_000,
  });
  running.child.stdin?.end(stdin);
  return running;
}
