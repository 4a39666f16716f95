/**
 * zod issues as lines that name the file and the field (`tenants/contoso.json: policies[1].kind:
 * ...`), never a bare "invalid". Free of zod's message texts, so the browser can use it too.
 */
import type * as z from 'zod/mini';

/** `policies[1].kind` from a zod issue path. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

export function issueLines(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${file}: ${fieldName([...issue.path, key])}: unknown field`);
    }
    const field = fieldName(issue.path) || '(top level)';
    return [`${file}: ${field}: ${issue.message}`];
  });
}
