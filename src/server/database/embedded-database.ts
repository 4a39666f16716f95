/**
 * The embedded database: PostgreSQL in WebAssembly (PGlite), persisted in a directory, reached
 * through pg like a server, by PGlite's own node-postgres adapter.
 */
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import pg from 'pg';
import type { Database } from './database.js';
import { openPoolDatabase } from './pool-database.js';

/**
 * PostgreSQL's default 128 MB of shared buffers fill up as the tables grow and stay resident in the
 * server process; the tables this server keeps are small and hot, and the file system caches the rest.
 */
const sharedBuffers = '8MB';

/**
 * Makes a new database in `directory`. Creating one runs initdb inside PGlite's WebAssembly memory,
 * which grows to several times what the server needs and is never given back, so a process of its
 * own does it and exits (figures in docs/performance.md#memory). The database is made beside
 * `directory` and moved in whole, so that a start killed halfway leaves no half-made database
 * where one is looked for; the next start removes what it left.
 */
export async function makeEmbeddedDatabase(directory: string): Promise<void> {
  // One process holds the data folder (data-dir-lock.ts): another's half-made database is a
  // leftover of a start that was killed.
  const prefix = `${basename(directory)}.making-`;
  for (const name of await readdir(dirname(directory)).catch(() => [])) {
    if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) {
      await rm(join(dirname(directory), name), { recursive: true, force: true });
    }
  }
  const making = `${directory}.making-${process.pid}`;
  const script = `const { PGlite } = await import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))});
await (await PGlite.create(process.argv[1])).close();`;
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, making]);
    await rename(making, directory);
  } catch (error) {
    await rm(making, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOTEMPTY') {
      throw new Error(`${directory} holds files but no database (no PG_VERSION): move it away`);
    }
    throw error;
  }
}

export async function openEmbeddedDatabase(directory: string): Promise<Database> {
  // V8 compiles the hot parts of PostgreSQL's WebAssembly a second time, optimized, and keeps both
  // (docs/performance.md#memory). A request spends most of its time outside PostgreSQL, so the
  // baseline compiler's code alone served as many requests a second in the benchmark. Set before
  // PGlite compiles.
  setFlagsFromString('--liftoff-only');
  if (!existsSync(join(directory, 'PG_VERSION'))) await makeEmbeddedDatabase(directory);
  const pglite = await PGlite.create(directory, {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
  });
  // PGlite is one session: a pool of one, kept open, whose prepared statements live as long as it.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
  return openPoolDatabase(pool, 'embedded', async () => {
    await pool.end();
    await pglite.close();
  });
}
