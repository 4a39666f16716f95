/**
 * Validation of operator and brand data files (tenants, policies, themes, string overrides):
 * every problem is reported with the file and the field it is in, never as a bare "invalid".
 */
import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

// zod/mini ships without message texts; data-file errors are for operators, in English.
z.config(en());

export type DataFileResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** `policies[1].kind` from a zod issue path. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

export function parseDataFile<T>(
  schema: z.ZodMiniType<T>,
  file: string,
  data: unknown,
): DataFileResult<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map(
          (key) => `${file}: ${fieldName([...issue.path, key])}: unknown field`,
        );
      }
      const field = fieldName(issue.path) || '(top level)';
      return [`${file}: ${field}: ${issue.message}`];
    }),
  };
}
