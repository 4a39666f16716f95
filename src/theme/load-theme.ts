/**
 * Fetches a resolved theme pack on demand (`<base>/<id>.json`, emitted by the build and served by
 * the dev and test servers), so that no pack is part of the first-load JavaScript.
 */
import { issueLines } from '../policy/issue-lines.js';
import {
  assetKinds,
  resolvedThemeSchema,
  themeIdPattern,
  type ResolvedTheme,
} from './resolved-theme.js';

/** Where the packs are served: `themes/` under the app's base URL (Vite's `base`, `/` in tests). */
function themeBaseUrl(): URL {
  return new URL(`${import.meta.env?.BASE_URL ?? '/'}themes/`, document.baseURI);
}

const loaded = new Map<string, Promise<ResolvedTheme>>();

async function fetchTheme(url: URL): Promise<ResolvedTheme> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`Theme pack ${url.href} could not be loaded (HTTP ${response.status})`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new Error(`Theme pack ${url.href} is not JSON`);
  }
  // The build checked every pack, so this fails only for a wrong file on the server. The lines
  // name the field; without zod's English texts (1 KB gzip that the first load need not carry)
  // the reason may read "Invalid input", and `npm run theme:check` gives it in full.
  const parsed = resolvedThemeSchema.safeParse(data);
  if (!parsed.success) {
    const lines = issueLines(url.href, parsed.error.issues);
    throw new Error(`Theme pack ${url.href} is invalid:\n  ${lines.join('\n  ')}`);
  }
  const theme = parsed.data;
  // Asset paths in the JSON are relative to the folder it came from.
  const assets = Object.fromEntries(
    assetKinds.flatMap((kind) => {
      const path = theme.assets[kind];
      return path ? [[kind, new URL(path, url).href]] : [];
    }),
  );
  return { ...theme, assets };
}

/**
 * The resolved pack `id`, with asset URLs made absolute. Each pack is fetched once per base;
 * a failed load is forgotten, so that a later call tries again.
 */
export function loadTheme(id: string, base: URL = themeBaseUrl()): Promise<ResolvedTheme> {
  if (!themeIdPattern.test(id)) return Promise.reject(new Error(`"${id}" is not a theme pack id`));
  const url = new URL(`${id}.json`, base);
  const cached = loaded.get(url.href);
  if (cached) return cached;
  const pending = fetchTheme(url);
  loaded.set(url.href, pending);
  pending.catch(() => loaded.delete(url.href));
  return pending;
}
