/** The embedded database: PostgreSQL in WebAssembly (PGlite), persisted in a directory. */
import { PGlite } from '@electric-sql/pglite';
import { classify, type Database, type Queryable } from './database.js';

/**
 * PostgreSQL's default 128 MB of shared buffers fill up as the tables grow and stay resident in the
 * server process; the tables this server keeps are small and hot, and the file system caches the rest.
 */
const sharedBuffers = '8MB';

export async function openEmbeddedDatabase(directory: string): Promise<Database> {
  const pglite = await PGlite.create(directory, {
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
  });
  const queryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      try {
        return (await target.query<Row>(sql, [...params])).rows;
      } catch (error) {
        return classify(error);
      }
    },
  });
  return {
    kind: 'embedded',
    ...queryable(pglite),
    async transaction(work) {
      let ownFailure: unknown;
      try {
        return await pglite.transaction(async (tx) => {
          try {
            return await work(queryable(tx));
          } catch (error) {
            ownFailure = error;
            throw error;
          }
        });
      } catch (error) {
        // What `work` threw is already classified; only BEGIN and COMMIT failures are left.
        if (error === ownFailure) throw error;
        return classify(error);
      }
    },
    close: () => pglite.close(),
  };
}
