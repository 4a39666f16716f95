/**
 * The storage both back ends offer: parameterised queries and transactions, in one SQL dialect
 * (PostgreSQL's), whether it runs embedded (PGlite) or on a real server (pg).
 */
export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database cannot answer right now; the HTTP layer turns this into 503 (SECURITY.md rule 25). */
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
