/**
 * A real PostgreSQL server through a pg pool. Several Gatehouse instances may share one database:
 * every rule that needs atomicity is a transaction or a conditional update.
 */
import pg from 'pg';
import type { Database } from './database.js';
import { openPoolDatabase } from './pool-database.js';
import type { Logger } from '../log.js';
import { errorFields } from '../log.js';

export async function openPostgresDatabase(url: string, log: Logger): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    query_timeout: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose server went away emits here; without a listener the process would exit.
  pool.on('error', (error) => log.warn('database_connection_lost', errorFields(error)));
  return openPoolDatabase(pool, 'postgres', () => pool.end());
}
