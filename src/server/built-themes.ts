/**
 * The resolved theme packs that `vite build` emits (`dist/themes/<id>.json`), parsed again with
 * the schema the pages use: the hosted pages carry them in their HTML and emails take their look.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDataFile, type DataFileResult } from '../data/data-file.schema.js';
import { resolvedThemeSchema, type ResolvedTheme } from '../theme/resolved-theme.schema.js';

export const builtThemesDir = (distDir: string) => join(distDir, 'themes');

/**
 * Where in the built themes folder the build puts the PNG of pack `id`'s banner logo, which
 * emails show (Gmail and Outlook show no SVG); scripts/mail-logo.ts makes it.
 */
export const mailLogoFile = (id: string) => `${id}/mail-logo.png`;

export async function readBuiltTheme(
  distDir: string,
  id: string,
): Promise<DataFileResult<ResolvedTheme>> {
  const file = join(builtThemesDir(distDir), `${id}.json`);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { ok: false, failure: [`${file}: ${(error as Error).message.slice(0, 200)}`] };
  }
  return parseDataFile(resolvedThemeSchema, file, data);
}
