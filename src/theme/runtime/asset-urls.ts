/**
 * A resolved pack with its asset paths (relative to the folder the packs are served from) made
 * into URLs: absolute ones in the browser (theme/load-theme.ts), paths from the site's root in the
 * page the server renders.
 */
import { assetKinds } from '../pack-fields.js';
import type { ResolvedTheme } from '../resolved-theme.schema.js';

export function withAssetUrls(theme: ResolvedTheme, url: (path: string) => string): ResolvedTheme {
  const assets = Object.fromEntries(
    assetKinds.flatMap((kind) => {
      const path = theme.assets[kind];
      return path ? [[kind, url(path)]] : [];
    }),
  );
  const fonts = theme.fonts?.map((font) => ({ ...font, src: url(font.src) }));
  return { ...theme, assets, ...(fonts && { fonts }) };
}
