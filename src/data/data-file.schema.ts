/**
 * Validation of operator and brand data files (tenants, policies, themes, string overrides):
 * every problem is reported with the file and the field it is in, never as a bare "invalid".
 */
import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { issueLines } from './issue-lines.js';
import type { Result } from '../shared/result.js';

// zod/mini ships without message texts; data-file errors are for operators, in English.
z.config(en());

export type DataFileResult<T> = Result<T, string[]>;

export function parseDataFile<T>(
  schema: z.ZodMiniType<T>,
  file: string,
  data: unknown,
): DataFileResult<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, failure: issueLines(file, parsed.error.issues) };
}
