/**
 * The import's rate: 100,000 generated users (one in ten with a password hash, the rest must
 * reset) streamed from a CSV file into a fresh embedded database and into a fresh PostgreSQL,
 * batch by batch as `admin user import` does. The KDF never runs: hashes are carried over as they are.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runAdminCommand } from '../src/server/admin/admin-commands.js';
import { importFile } from '../src/server/admin/import-users.js';
import { systemClock } from '../src/server/clock.js';
import { readServerConfig } from '../src/server/config.js';
import { createLogger } from '../src/server/log.js';
import { formatPasswordHash, hashPassword } from '../src/server/security/password-hash.js';
import { openStorage } from '../src/server/storage.js';
import { loadTenants } from '../src/server/tenants.js';
import { startPostgres } from '../test/server/support/postgres.js';
import { makeDataDir, removeDataDir } from './server.js';

export const importRows = 100_000;

export interface ImportResult {
  embeddedRowsPerSecond: number;
  postgresRowsPerSecond: number;
}

async function usersFile(dir: string): Promise<string> {
  const hash = formatPasswordHash(await hashPassword('a benchmark passphrase'));
  const lines = ['email,recovery_email_verified,groups,display_name,locale,password_hash'];
  for (let i = 1; i <= importRows; i += 1) {
    lines.push(
      `bench${i}@contoso.example,true,${i % 3 === 0 ? 'pilot' : ''},User ${i},${['en', 'nl', 'sv'][i % 3]},${i % 10 === 0 ? `"${hash}"` : ''}`,
    );
  }
  const file = join(dir, 'users.csv');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/** Rows a second of one import into the storage `env` names (migrations done before the clock starts). */
async function rate(file: string, env: Record<string, string>): Promise<number> {
  const config = readServerConfig({ ...env, TENANTS_DIR: 'tenants' });
  const tenants = await loadTenants(config.tenantsDir);
  const storage = await openStorage(
    config,
    'admin-cli',
    createLogger(() => undefined),
  );
  try {
    const deps = { db: storage.database, tenants, clock: systemClock };
    const started = performance.now();
    const summary = await importFile({
      file,
      format: 'csv',
      tenant: tenants.get('contoso')!,
      dryRun: false,
      run: (request) => runAdminCommand(deps, request),
      progress: { update: () => undefined, done: () => undefined },
    });
    const seconds = (performance.now() - started) / 1000;
    if (summary.added !== importRows) {
      throw new Error(`the import added ${summary.added} of ${importRows} users`);
    }
    return importRows / seconds;
  } finally {
    await storage.close();
  }
}

export async function measureImport(say: (line: string) => void): Promise<ImportResult> {
  const dataDir = await makeDataDir();
  const postgres = await startPostgres();
  try {
    const file = await usersFile(dataDir);
    say(`import: ${importRows.toLocaleString('en')} users into the embedded database`);
    const embeddedRowsPerSecond = await rate(file, { DATA_DIR: dataDir });
    say(`import: ${importRows.toLocaleString('en')} users into PostgreSQL`);
    const postgresRowsPerSecond = await rate(file, {
      DATA_DIR: dataDir,
      DATABASE_URL: postgres.url,
    });
    return { embeddedRowsPerSecond, postgresRowsPerSecond };
  } finally {
    await postgres.destroy();
    await removeDataDir(dataDir);
  }
}

/** The bench's row: figure, goal, measured, verdict. */
export function importRow(result: ImportResult): [string, string, string, string] {
  return [
    `user import, ${importRows.toLocaleString('en')} rows from CSV (no KDF run)`,
    '',
    `embedded ${result.embeddedRowsPerSecond.toFixed(0)} rows/s, PostgreSQL ${result.postgresRowsPerSecond.toFixed(0)} rows/s`,
    '',
  ];
}
