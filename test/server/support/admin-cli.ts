/** `npm run admin -- <args>` as an operator runs it, on the storage that `env` names. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function adminCli(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'src/server/admin-cli.ts', ...args], {
    env: { ...process.env, ...env },
  });
}
