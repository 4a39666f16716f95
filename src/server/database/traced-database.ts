/**
 * A Database that tells an observer each statement before it runs. Tests trace the services with
 * it to prove that two requests run the same statements in the same order (docs/security.md#rule-12).
 */
import type { Database, Queryable } from './database.js';

export interface TracedStatement {
  sql: string;
  /** How many parameters it was given: the values differ from request to request. */
  paramCount: number;
  /** Whether it ran inside `transaction`. */
  inTransaction: boolean;
}

export function tracedDatabase(
  db: Database,
  observe: (statement: TracedStatement) => void,
): Database {
  const traced = (on: Queryable, inTransaction: boolean): Queryable['query'] => {
    return (sql, params) => {
      observe({ sql, paramCount: params?.length ?? 0, inTransaction });
      return on.query(sql, params);
    };
  };
  return {
    kind: db.kind,
    query: traced(db, false),
    transaction: (work) => db.transaction((tx) => work({ query: traced(tx, true) })),
    close: () => db.close(),
  };
}
