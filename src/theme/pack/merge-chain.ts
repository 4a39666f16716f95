/**
 * An `extends` chain merged into one pack, key by key: what a pack sets overrides what its
 * ancestors set, down to single tokens, assets, texts and footer links (fonts go as one list).
 */
import { assetKinds, type AssetKind } from '../pack-fields.js';
import type { Theme } from './theme.schema.js';
import { themeLocales, type ThemeLocale, type ThemeText } from '../theme-text.schema.js';
import type { ThemeTokenName } from '../theme-tokens.js';
import { mergeDark, type DarkTokens } from './dark-scheme.js';
import type { Pack } from './read-pack-chain.js';

/** The chain as one pack, each value with where it came from. */
export interface Merged {
  name: string;
  colorScheme: Theme['colorScheme'];
  layout: Theme['layout'];
  tokens: Partial<Record<ThemeTokenName, string>>;
  dark: DarkTokens | undefined;
  /** Each asset with the pack whose folder holds it. */
  assets: Partial<Record<AssetKind, { owner: string; path: string }>>;
  /** The nearest pack's fonts, whole: a family's faces belong together. */
  fonts: { owner: string; faces: NonNullable<Theme['fonts']> } | undefined;
  text: Partial<Record<ThemeLocale, ThemeText>>;
}

/** Key by key, ancestors first, so that a pack overrides single tokens, assets, texts and links. */
export function merge(chain: Pack[]): Merged {
  const merged: Merged = {
    name: chain[0]!.manifest.name,
    colorScheme: undefined,
    layout: undefined,
    tokens: {},
    dark: mergeDark(chain.map((pack) => pack.manifest)),
    assets: {},
    fonts: undefined,
    text: {},
  };
  for (const { id, manifest, text } of [...chain].reverse()) {
    merged.colorScheme = manifest.colorScheme ?? merged.colorScheme;
    merged.layout = manifest.layout ?? merged.layout;
    merged.tokens = { ...merged.tokens, ...manifest.tokens };
    for (const kind of assetKinds) {
      const path = manifest.assets?.[kind];
      if (path) merged.assets[kind] = { owner: id, path };
    }
    if (manifest.fonts) merged.fonts = { owner: id, faces: manifest.fonts };
    for (const locale of themeLocales) {
      const own = text[locale];
      if (!own) continue;
      const inherited = merged.text[locale] ?? {};
      merged.text[locale] = {
        ...inherited,
        ...own,
        ...(inherited.footerLinks || own.footerLinks
          ? { footerLinks: { ...inherited.footerLinks, ...own.footerLinks } }
          : {}),
      };
    }
  }
  return merged;
}
