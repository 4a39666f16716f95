/**
 * A page of docs/ with a block that a script writes, between `<!-- <name>:start -->` and
 * `<!-- <name>:end -->`: the rest of the page stays hand-written. Formatted as prettier formats
 * the page, so that a test can compare the page on disk with a fresh rendering.
 */
import { format, resolveConfig } from 'prettier';

export async function withGeneratedBlock(
  file: string,
  page: string,
  name: string,
  block: string,
): Promise<string> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: the ${start} … ${end} markers are missing`);
  const fresh = `${page.slice(0, from + start.length)}\n\n${block}\n\n${page.slice(to)}`;
  const options = await resolveConfig(file);
  return format(fresh, { ...options, filepath: file });
}
