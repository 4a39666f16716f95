/**
 * A pack's optional dark scheme: colour tokens that replace its light ones when the visitor's
 * system prefers dark (`prefers-color-scheme`). It merges key by key along `extends` like the
 * tokens, and its contrast is checked on its own, each failure named `dark.<token>`.
 */
import { parseColor, toHex } from './color.js';
import { contrastFailures, formatRatio } from './contrast.js';
import { colorTokenNames, type ColorTokenName, type ThemeTokenName } from '../theme-tokens.js';

export type DarkTokens = Partial<Record<ColorTokenName, string>>;

/** The chain's dark tokens, ancestors first; undefined when no pack of the chain has a dark scheme. */
export function mergeDark(chain: readonly { dark?: DarkTokens }[]): DarkTokens | undefined {
  const owning = chain.filter((manifest) => manifest.dark);
  if (owning.length === 0) return undefined;
  return Object.assign({}, ...owning.reverse().map((manifest) => manifest.dark)) as DarkTokens;
}

/** The dark scheme's colours, every one set: the light ones with the dark ones over them. */
export function darkScheme(
  tokens: Partial<Record<ThemeTokenName, string>>,
  dark: DarkTokens,
): Record<ColorTokenName, string> {
  return Object.fromEntries(
    colorTokenNames.map((name) => [name, dark[name] ?? tokens[name]!]),
  ) as Record<ColorTokenName, string>;
}

export function darkContrastErrors(
  file: string,
  tokens: Record<ThemeTokenName, string>,
  dark: DarkTokens,
): string[] {
  return contrastFailures({ ...tokens, ...darkScheme(tokens, dark) }).map(
    (failure) =>
      `${file}: dark.${failure.foreground}: contrast ${formatRatio(failure.ratio)} on ${failure.background} in the dark scheme (${failure.where}) is below ${failure.minimum}:1`,
  );
}

/** The dark scheme as the resolved pack carries it: every colour as `#rrggbb`. */
export function resolvedDark(
  tokens: Partial<Record<ThemeTokenName, string>>,
  dark: DarkTokens,
): Record<ColorTokenName, string> {
  const scheme = darkScheme(tokens, dark);
  return Object.fromEntries(
    colorTokenNames.map((name) => [name, toHex(parseColor(scheme[name])!)]),
  ) as Record<ColorTokenName, string>;
}
