/**
 * `npm run theme:check [themes/<id> ...]`: checks theme packs (every pack in themes/ when none is
 * named) and prints one "file: field: message" line per problem. Exits 1 on any problem, 2 on
 * a usage error, so CI and editors can run it.
 */
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { checkPacks, packIds } from './theme-packs.js';

async function main(args: string[]): Promise<number> {
  const folders = args.map((arg) => arg.replace(/\\/g, '/').replace(/\/+$/, ''));
  const missing = folders.filter((folder) => !existsSync(folder));
  if (missing.length > 0) {
    console.error(`theme:check: no such folder: ${missing.join(', ')}`);
    return 2;
  }
  const groups =
    folders.length > 0
      ? folders.map((folder) => ({ dir: dirname(folder), ids: [basename(folder)] }))
      : [{ dir: 'themes', ids: await packIds('themes') }];
  let packs = 0;
  const errors: string[] = [];
  for (const { dir, ids } of groups) {
    const result = await checkPacks(dir, ids);
    packs += ids.length;
    errors.push(...result.errors);
  }
  for (const error of errors) console.error(error);
  console.log(
    errors.length === 0
      ? `theme:check: ${packs} pack(s), no problems`
      : `theme:check: ${packs} pack(s), ${errors.length} problem(s)`,
  );
  return errors.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
