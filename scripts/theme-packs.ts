/**
 * Theme packs on disk, for the checker, the Vite plugin and the test server: reads pack folders
 * with node:fs and hands them to the pure resolver in src/theme/.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ThemeSource } from '../src/theme/pack/read-pack-chain.js';
import { resolveThemePack } from '../src/theme/pack/resolve-theme.js';
import type { ResolvedTheme } from '../src/theme/resolved-theme.schema.js';
import { themeLocales } from '../src/theme/theme-text.schema.js';

/** The shipped packs, which packs elsewhere (`../brand/northwind`) may extend. */
export const shippedThemesDir = 'themes';

/** Reads `path` (relative to `root`, with forward slashes as in error messages); undefined when absent. */
export function fileSource(dir: string, root = process.cwd()): ThemeSource {
  return {
    dir,
    ...(dir === shippedThemesDir ? {} : { parentDirs: [shippedThemesDir] }),
    read: async (path) => {
      try {
        return await readFile(resolve(root, path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}

/** The packs in `dir`: every sub-folder. */
export async function packIds(dir: string, root = process.cwd()): Promise<string[]> {
  const entries = await readdir(resolve(root, dir), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Text files for a locale the pages do not speak: a brand team expects them to work, so they are errors. */
async function strayTextFiles(dir: string, id: string, root: string): Promise<string[]> {
  const expected = themeLocales.map((locale) => `${locale}.json`);
  const names = await readdir(resolve(root, dir, id, 'text')).catch(() => []);
  return names
    .filter((name) => !expected.includes(name))
    .map(
      (name) =>
        `${dir}/${id}/text/${name}: (file): not a locale file the pages read (${expected.join(', ')})`,
    );
}

interface PackCheck {
  themes: ResolvedTheme[];
  errors: string[];
}

/** Resolves and checks every pack named; an error shared by packs (a parent's) is listed once. */
export async function checkPacks(
  dir: string,
  ids: string[],
  root = process.cwd(),
): Promise<PackCheck> {
  const source = fileSource(dir, root);
  const themes: ResolvedTheme[] = [];
  const errors = new Set<string>();
  for (const id of ids) {
    const result = await resolveThemePack(id, source);
    if (result.ok) themes.push(result.value);
    else result.failure.forEach((error) => errors.add(error));
    (await strayTextFiles(dir, id, root)).forEach((error) => errors.add(error));
  }
  return { themes, errors: [...errors] };
}

/** The files a resolved pack needs at run time: its JSON and the assets it points at, by path under `dir`. */
export async function runtimeFiles(theme: ResolvedTheme, dir: string, root = process.cwd()) {
  const files = new Map<string, string | Uint8Array>([[`${theme.id}.json`, JSON.stringify(theme)]]);
  const used = [...Object.values(theme.assets), ...(theme.fonts ?? []).map((font) => font.src)];
  for (const asset of used) files.set(asset, await readFile(join(root, dir, asset)));
  return files;
}

/**
 * Answers `GET <prefix><id>.json` with the resolved pack, as the build would emit it; undefined
 * for any other path. A pack that fails the check answers 500 with the errors.
 */
export async function resolvedPackResponse(
  path: string,
  prefix: string,
  dir = 'themes',
  root = process.cwd(),
): Promise<{ status: number; body: string } | undefined> {
  const match = new RegExp(`^${prefix}([a-z0-9][a-z0-9-]{0,62})\\.json$`).exec(path);
  if (!match) return undefined;
  const id = match[1]!;
  if (!(await packIds(dir, root)).includes(id))
    return { status: 404, body: '{"error":"not_found"}' };
  const result = await resolveThemePack(id, fileSource(dir, root));
  return result.ok
    ? { status: 200, body: JSON.stringify(result.value) }
    : { status: 500, body: JSON.stringify({ errors: result.failure }) };
}
