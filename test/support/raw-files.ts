import type { ThemeSource } from '../../src/theme/pack/read-pack-chain.js';

/**
 * Reads repository files through the test server's `/__raw/` middleware
 * (test/support/theme-middleware.js), which answers 204 for a file that does not exist.
 */
export async function rawFile(path: string): Promise<Uint8Array | undefined> {
  const response = await fetch(`/__raw/${path}`);
  if (response.status === 204) return undefined;
  if (!response.ok) throw new Error(`/__raw/${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function rawText(path: string): Promise<string> {
  const bytes = await rawFile(path);
  if (!bytes) throw new Error(`${path} does not exist`);
  return new TextDecoder().decode(bytes);
}

/** The files in a folder (recursively), as repository paths. */
export async function rawList(folder: string): Promise<string[]> {
  return JSON.parse(await rawText(folder)) as string[];
}

/** Theme packs in a repository folder, read as the checker reads them from disk. */
export function rawThemeSource(dir: string): ThemeSource {
  return { dir, read: rawFile };
}
