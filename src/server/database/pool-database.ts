/**
 * A Database on a pg pool, whether the pool's connections reach a PostgreSQL server or the embedded
 * PGlite through its node-postgres adapter: one driver, one type mapping, one transaction code.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { classify, DatabaseUnavailableError, type Database, type Queryable } from './database.js';

/**
 * Statements with parameters are the ones requests repeat. Named, each is parsed once per
 * connection and its plan can be cached, where an unnamed one is parsed and planned every time.
 */
function prepared(sql: string, params: readonly unknown[]): pg.QueryConfig {
  if (params.length === 0) return { text: sql };
  let name = names.get(sql);
  if (name === undefined) {
    name = `s${createHash('sha256').update(sql).digest('base64url').slice(0, 22)}`;
    names.set(sql, name);
  }
  return { name, text: sql, values: [...params] };
}

/** The names of the program's own statements: a few dozen texts. */
const names = new Map<string, string>();

async function queryOn<Row>(
  client: pg.PoolClient,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  try {
    return (await client.query(prepared(sql, params))).rows as Row[];
  } catch (error) {
    return classify(error);
  }
}

export async function openPoolDatabase(
  pool: pg.Pool,
  kind: Database['kind'],
  close: () => Promise<void>,
): Promise<Database> {
  /**
   * Runs `work` on a client of its own. A failed statement leaves the connection usable, so only
   * an unavailable database gets the client destroyed (pg's `pool.query` destroys it on any error).
   */
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      return classify(error);
    }
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) broken = error;
      throw error;
    } finally {
      client.release(broken);
    }
  };
  const database: Database = {
    kind,
    query: (sql, params) => withClient((client) => queryOn(client, sql, params)),
    transaction: (work) =>
      withClient(async (client) => {
        const session: Queryable = { query: (sql, params) => queryOn(client, sql, params) };
        await session.query('BEGIN');
        try {
          const result = await work(session);
          await session.query('COMMIT');
          return result;
        } catch (error) {
          await session.query('ROLLBACK');
          throw error;
        }
      }),
    close,
  };
  await database.query('SELECT 1');
  return database;
}
