/**
 * The storage both back ends offer: parameterised queries and transactions, in one SQL dialect
 * (PostgreSQL's), whether it runs embedded (PGlite) or on a real server (pg).
 */
export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** A parameterised statement that a store module builds and its caller runs. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

export function run<Row>(db: Queryable, statement: Statement): Promise<Row[]> {
  return db.query<Row>(statement.sql, statement.params);
}

/**
 * Several writes as one statement: every statement but the last becomes a data-modifying CTE, and
 * the last one's rows come back. One statement commits as one, like a transaction, in one round
 * trip where BEGIN, each write and COMMIT took one each. All parts see the same snapshot, so none
 * may depend on another's change or touch the same rows.
 */
export function together(...statements: Statement[]): Statement {
  const texts = statements.map((statement) => statement.sql);
  const key = texts.join('\0');
  let sql = combined.get(key);
  if (sql === undefined) {
    sql = combine(
      texts,
      statements.map((statement) => statement.params.length),
    );
    combined.set(key, sql);
  }
  return { sql, params: statements.flatMap((statement) => statement.params) };
}

/** The texts `together` joined: a few combinations of the program's own statements. */
const combined = new Map<string, string>();

function combine(texts: readonly string[], paramCounts: readonly number[]): string {
  let offset = 0;
  const parts = texts.map((text, index) => {
    if (index < texts.length - 1 && !/^\s*(?:INSERT|UPDATE|DELETE)\b/.test(text)) {
      // A SELECT in a CTE that nothing reads does not run at all.
      throw new Error(`Only writes can run together before the last statement: ${text}`);
    }
    const renumbered = text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    offset += paramCounts[index]!;
    return renumbered;
  });
  const last = parts.pop()!;
  if (parts.length === 0) return last;
  return `WITH ${parts.map((part, index) => `part${index} AS (${part})`).join(', ')} ${last}`;
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database cannot answer right now; the HTTP layer turns this into 503 (docs/security.md#rule-25). */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/**
 * SQLSTATE classes that mean "the server or the connection is gone", not "this statement is
 * wrong": connection exceptions (08), insufficient resources (53), operator intervention such as a
 * shutdown (57), system errors (58) and internal errors (XX).
 */
const unavailableClasses = new Set(['08', '53', '57', '58', 'XX']);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    return unavailableClasses.has(code.slice(0, 2));
  }
  // Socket errors (ECONNREFUSED ...), pg's "Connection terminated", pool and query timeouts.
  return true;
}

/** Re-throws a failure of the database itself as DatabaseUnavailableError, anything else as it is. */
export function classify(error: unknown): never {
  if (error instanceof DatabaseUnavailableError) throw error;
  if (isUnavailable(error)) {
    throw new DatabaseUnavailableError('The database is unavailable', { cause: error });
  }
  throw error;
}
