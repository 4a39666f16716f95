/**
 * A real PostgreSQL server through a pg pool. Several Gatehouse instances may share one database:
 * every rule that needs atomicity is a transaction or a conditional update.
 */
import pg from 'pg';
import { classify, type Database, type Queryable } from './database.js';
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
  const queryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      try {
        return (await target.query(sql, [...params])).rows as Row[];
      } catch (error) {
        return classify(error);
      }
    },
  });
  const database: Database = {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        return classify(error);
      }
      const session = queryable(client);
      let broken: Error | undefined;
      try {
        await session.query('BEGIN');
        const result = await work(session);
        await session.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        // A client whose connection failed is destroyed rather than handed out again.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
  await database.query('SELECT 1');
  return database;
}
