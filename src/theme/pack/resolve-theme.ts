/**
 * Resolves a theme pack into one ResolvedTheme: the chain read (read-pack-chain.ts), merged
 * (merge-chain.ts), then checked as a whole (every token set, contrast, the same text in every
 * locale, the images in asset-checks.ts). Every error is "file: field: message".
 */
import type { Result } from '../../shared/result.js';
import { checkAssets, checkFonts, type ImageSize } from './asset-checks.js';
import { parseColor, toHex } from './color.js';
import { contrastFailures, formatRatio } from './contrast.js';
import { darkContrastErrors, resolvedDark } from './dark-scheme.js';
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
function textErrors(merged: Merged, leaf: Pack): string[] {
  const fields = (text: ThemeText | undefined) => [
    ...Object.keys(text ?? {}).filter((key) => key !== 'footerLinks'),
    ...Object.keys(text?.footerLinks ?? {}).map((key) => `footerLinks.${key}`),
  ];
  const everyField = new Set(themeLocales.flatMap((locale) => fields(merged.text[locale])));
  if (everyField.size === 0) return [];
  return themeLocales.flatMap((locale) => {
    const file = `${leaf.dir}/${leaf.id}/text/${locale}.json`;
    const present = new Set(fields(merged.text[locale]));
    return [...everyField]
      .filter((field) => !present.has(field))
      .map(
        (field) =>
          `${file}: ${field}: missing (another locale sets it; every locale needs the same text)`,
      );
  });
}

/** Pairs with a token that the schema refused are left out: they would judge its stand-in. */
function contrastErrors(merged: Merged, leaf: Pack, refused: Set<string>): string[] {
  const tokens = merged.tokens as Record<ThemeTokenName, string>;
  const judged = contrastFailures(tokens).filter(
    (failure) => !refused.has(failure.foreground) && !refused.has(failure.background),
  );
  return judged.map(
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
    ...(merged.dark ? { dark: resolvedDark(merged.tokens, merged.dark) } : {}),
    assets,
    ...(merged.fonts
      ? {
          fonts: merged.fonts.faces.map((face) => ({
            family: face.family,
            src: `${merged.fonts!.owner}/${face.file}`,
            weight: face.weight ?? 400,
            style: face.style ?? 'normal',
          })),
        }
      : {}),
    ...(bannerLogoSize ? { bannerLogoSize } : {}),
    text: merged.text,
  };
}

/** `file: field` of an error line, e.g. `themes/x/theme.json: tokens.color-brand`. */
const fieldOf = (error: string) => error.split(': ', 2).join(': ');

/**
 * Resolves pack `id` from `source`, checking it and every pack it extends. Every problem comes
 * in one run: after a schema error the checks go on with what of the files is usable, leaving
 * out only what would repeat a field's problem or rest on a value that was refused.
 */
export async function resolveThemePack(id: string, source: ThemeSource): Promise<ThemeResult> {
  const { chain, errors } = await readChain(id, source);
  if (chain.length === 0) return { ok: false, failure: errors };
  const merged = merge(chain);
  const leaf = chain[0]!;
  const problems = [...errors];
  // A chain cut short by a missing parent or a loop has no complete set of tokens to judge.
  if (chain.at(-1)!.manifest.extends === undefined) {
    const missing = completenessErrors(merged, chain.at(-1)!);
    problems.push(...missing);
    const refused = new Set(
      errors.flatMap((error) => /: tokens\.([a-z0-9-]+):/.exec(error)?.[1] ?? []),
    );
    if (missing.length === 0) problems.push(...contrastErrors(merged, leaf, refused));
    if (missing.length === 0 && merged.dark) {
      const tokens = merged.tokens as Record<ThemeTokenName, string>;
      problems.push(...darkContrastErrors(leaf.file, tokens, merged.dark));
      if (merged.colorScheme !== 'light') {
        problems.push(
          `${leaf.file}: dark: only a light pack ("colorScheme": "light") pairs a dark scheme`,
        );
      }
    }
  }
  const assets = await checkAssets(merged, source, chain);
  problems.push(
    ...textErrors(merged, leaf),
    ...assets.errors,
    ...(await checkFonts(merged, source, chain)),
  );
  // A field the schema refused is named once, not again as "missing" where it was dropped.
  const refusedFields = errors.map(fieldOf);
  const failure = problems.filter((problem) => {
    const field = fieldOf(problem);
    return (
      errors.includes(problem) ||
      !refusedFields.some((refused) => refused === field || refused.startsWith(`${field}.`))
    );
  });
  return failure.length > 0
    ? { ok: false, failure: [...new Set(failure)] }
    : { ok: true, value: resolved(merged, id, assets.bannerLogoSize) };
}
