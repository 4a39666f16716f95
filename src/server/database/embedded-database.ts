/**
 * The embedded database: PostgreSQL in WebAssembly (PGlite), persisted in a directory, reached
 * through pg like a server, by PGlite's own node-postgres adapter.
 */
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import type { Database } from './database.js';
import { openPoolDatabase } from './pool-database.js';

/**
 * PostgreSQL's default 128 MB of shared buffers fill up as the tables grow and stay resident in the
 * server process; the tables this server keeps are small and hot, and the file system caches the rest.
 */
const sharedBuffers = '8MB';

export async function openEmbeddedDatabase(directory: string): Promise<Database> {
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
