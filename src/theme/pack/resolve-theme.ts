/**
 * Resolves a theme pack into one ResolvedTheme: the chain read (read-pack-chain.ts), merged
 * (merge-chain.ts), then checked as a whole (every token set, contrast, the same text in every
 * locale, the images in asset-checks.ts). Every error is "file: field: message".
 */
import type { Result } from '../../shared/result.js';
import { checkAssets, type ImageSize } from './asset-checks.js';
import { parseColor, toHex } from './color.js';
import { contrastFailures, formatRatio } from './contrast.js';
import { merge, type Merged } from './merge-chain.js';
import { readChain, type Pack, type ThemeSource } from './read-pack-chain.js';
import type { ResolvedTheme } from '../resolved-theme.schema.js';
import { themeLocales, type ThemeText } from '../theme-text.schema.js';
import { themeTokenNames, themeTokens, type ThemeTokenName } from '../theme-tokens.js';

export type ThemeResult = Result<ResolvedTheme, string[]>;

/** Every token, colour scheme and layout set somewhere in the chain. */
function completenessErrors(merged: Merged, root: Pack): string[] {
  const rule = 'a pack that extends nothing must set every token';
  return [
    ...themeTokenNames
      .filter((name) => merged.tokens[name] === undefined)
      .map((name) => `${root.file}: tokens.${name}: missing (${rule})`),
    ...(merged.colorScheme ? [] : [`${root.file}: colorScheme: missing (${rule})`]),
    ...(merged.layout ? [] : [`${root.file}: layout: missing (${rule})`]),
  ];
}

/** Every locale with text has the same fields, so that no page mixes theme text with defaults of another language. */
function textErrors(merged: Merged, source: ThemeSource, leaf: Pack): string[] {
  const fields = (text: ThemeText | undefined) => [
    ...Object.keys(text ?? {}).filter((key) => key !== 'footerLinks'),
    ...Object.keys(text?.footerLinks ?? {}).map((key) => `footerLinks.${key}`),
  ];
  const everyField = new Set(themeLocales.flatMap((locale) => fields(merged.text[locale])));
  if (everyField.size === 0) return [];
  return themeLocales.flatMap((locale) => {
    const file = `${source.dir}/${leaf.id}/text/${locale}.json`;
    const present = new Set(fields(merged.text[locale]));
    return [...everyField]
      .filter((field) => !present.has(field))
      .map(
        (field) =>
          `${file}: ${field}: missing (another locale sets it; every locale needs the same text)`,
      );
  });
}

function contrastErrors(merged: Merged, leaf: Pack): string[] {
  const tokens = merged.tokens as Record<ThemeTokenName, string>;
  return contrastFailures(tokens).map(
    (failure) =>
      `${leaf.file}: tokens.${failure.foreground}: contrast ${formatRatio(failure.ratio)} on ${failure.background} (${failure.where}) is below ${failure.minimum}:1`,
  );
}

function resolved(
  merged: Merged,
  id: string,
  bannerLogoSize: ImageSize | undefined,
): ResolvedTheme {
  const tokens = Object.fromEntries(
    themeTokenNames.map((name) => {
      const value = merged.tokens[name]!;
      return [name, themeTokens[name].kind === 'color' ? toHex(parseColor(value)!) : value];
    }),
  ) as Record<ThemeTokenName, string>;
  const assets = Object.fromEntries(
    Object.entries(merged.assets).map(([kind, asset]) => [kind, `${asset.owner}/${asset.path}`]),
  );
  return {
    id,
    name: merged.name,
    colorScheme: merged.colorScheme!,
    layout: merged.layout!,
    tokens,
    assets,
    ...(bannerLogoSize ? { bannerLogoSize } : {}),
    text: merged.text,
  };
}

/** Resolves pack `id` from `source`, checking it and every pack it extends. */
export async function resolveThemePack(id: string, source: ThemeSource): Promise<ThemeResult> {
  const { chain, errors } = await readChain(id, source);
  if (errors.length > 0) return { ok: false, failure: errors };
  const merged = merge(chain);
  const leaf = chain[0]!;
  const problems = completenessErrors(merged, chain.at(-1)!);
  if (problems.length === 0) problems.push(...contrastErrors(merged, leaf));
  const assets = await checkAssets(merged, source, chain);
  problems.push(...textErrors(merged, source, leaf), ...assets.errors);
  return problems.length > 0
    ? { ok: false, failure: [...new Set(problems)] }
    : { ok: true, value: resolved(merged, id, assets.bannerLogoSize) };
}
