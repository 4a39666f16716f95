/** Theme packs in memory, for the checks' tests: files by path, and a complete root pack to extend. */
import type { ThemeSource } from '../../src/theme/pack/read-pack-chain.js';
import { resolveThemePack } from '../../src/theme/pack/resolve-theme.js';
import { rawText } from './raw-files.js';

/** Files by path; objects are written as JSON. */
export function memorySource(files: Record<string, unknown>): ThemeSource {
  return {
    dir: 'mem',
    read: async (path) => {
      if (!Object.hasOwn(files, path)) return undefined;
      const content = files[path];
      if (content instanceof Uint8Array) return content;
      return new TextEncoder().encode(
        typeof content === 'string' ? content : JSON.stringify(content),
      );
    },
  };
}

export async function defaultTokens() {
  const manifest = JSON.parse(await rawText('themes/default/theme.json')) as {
    tokens: Record<string, string>;
  };
  return manifest.tokens;
}

/** A complete root pack `base` in memory, plus whatever else a test adds. */
export async function withBase(files: Record<string, unknown>): Promise<ThemeSource> {
  return memorySource({
    'mem/base/theme.json': {
      id: 'base',
      name: 'Base',
      colorScheme: 'light',
      layout: 'centered',
      tokens: await defaultTokens(),
    },
    ...files,
  });
}

export async function errorsOf(id: string, source: ThemeSource): Promise<string[]> {
  const result = await resolveThemePack(id, source);
  return result.ok ? [] : result.failure;
}
