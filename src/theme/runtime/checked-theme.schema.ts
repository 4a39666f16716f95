/**
 * A fetched theme pack, checked with the schema the build checked it with. Loaded with the first
 * pack the page fetches, never with the first load, which carries no zod.
 */
import { resolvedThemeSchema, type ResolvedTheme } from '../resolved-theme.schema.js';

export async function checkedTheme(response: Response, url: URL): Promise<ResolvedTheme> {
  if (!response.ok)
    throw new Error(`Theme pack ${url.href} could not be loaded (HTTP ${response.status})`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new Error(`Theme pack ${url.href} is not JSON`);
  }
  // The build checked every pack, so this fails only for a wrong file on the server. The lines
  // name the field; without zod's English texts (bytes the page need not carry)
  // the reason may read "Invalid input", and `npm run theme:check` gives it in full.
  const parsed = resolvedThemeSchema.safeParse(data);
  if (!parsed.success) {
    const { issueLines } = await import('../../data/issue-lines.js');
    const lines = issueLines(url.href, parsed.error.issues);
    throw new Error(`Theme pack ${url.href} is invalid:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
