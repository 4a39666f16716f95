/**
 * Fetches a resolved theme pack on demand (`<base>/<id>.json`, emitted by the build and served by
 * the dev and test servers), so that no pack is part of the first-load JavaScript. The hosted
 * page hands over the pack its HTML carries, so that its first paint waits for no request.
 */
import { withAssetUrls } from './asset-urls.js';
import { themeIdPattern } from '../pack-fields.js';
import type { ResolvedTheme } from '../resolved-theme.schema.js';

/** Where the packs are served: `themes/` under the app's base URL (Vite's `base`, `/` in tests). */
function themeBaseUrl(): URL {
  return new URL(`${import.meta.env?.BASE_URL ?? '/'}themes/`, document.baseURI);
}

const loaded = new Map<string, Promise<ResolvedTheme>>();

/** Asset paths in a pack's JSON are relative to the folder it is served from. */
const withAbsoluteAssets = (theme: ResolvedTheme, url: URL) =>
  withAssetUrls(theme, (path) => new URL(path, url).href);

async function fetchTheme(url: URL): Promise<ResolvedTheme> {
  // The check (and zod with it) loads beside the pack: the first load does not carry it.
  const [response, { checkedTheme }] = await Promise.all([
    fetch(url),
    import('./checked-theme.schema.js'),
  ]);
  return withAbsoluteAssets(await checkedTheme(response, url), url);
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

/**
 * Takes a pack as `<base>/<id>.json` would answer, already checked by whoever wrote it (the
 * server, into the hosted page), so that `loadTheme` answers with it without a request.
 */
export function preloadTheme(theme: ResolvedTheme, base: URL = themeBaseUrl()): void {
  const url = new URL(`${theme.id}.json`, base);
  loaded.set(url.href, Promise.resolve(withAbsoluteAssets(theme, url)));
}
