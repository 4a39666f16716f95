/**
 * Structured logs: one JSON object per line. Values are typed scalars, and fields that could carry
 * a secret are dropped by name as a second line of defence (docs/security.md, rules 23 and 26):
 * callers never pass passwords or codes, and this makes sure a slip does not print one either.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const secretField = /^(password|code|secret|token|cookie|session|authorization)$/i;

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(line)) {
  const emit = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const safe = Object.fromEntries(
      Object.entries(fields).filter(
        ([key, value]) => value !== undefined && !secretField.test(key),
      ),
    );
    write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...safe })}\n`);
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  } satisfies Logger;
}

/** What an unexpected error may say in a log: its kind, never its (possibly data-bearing) detail. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    error: error.name,
    message: error.message.slice(0, 200),
    ...(typeof code === 'string' ? { errorCode: code } : {}),
  };
}
