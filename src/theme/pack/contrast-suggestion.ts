/**
 * The nearest colour that passes: for a colour token whose contrast pairs fail, the smallest step
 * towards black or towards white after which every pair it is in passes. The studio offers it at
 * the field, so that a brand team keeps its hue and moves only as far as it must.
 */
import { parseColor, toHex, type Rgba } from './color.js';
import { contrastFailures } from './contrast.js';
import type { ThemeTokenName } from '../theme-tokens.js';

const mix = (from: Rgba, to: number, amount: number): Rgba => ({
  r: Math.round(from.r + (to - from.r) * amount),
  g: Math.round(from.g + (to - from.g) * amount),
  b: Math.round(from.b + (to - from.b) * amount),
  alpha: 1,
});

/** `#rrggbb` for `name` with which none of its pairs fails, or undefined when none is near. */
export function passingColor(
  tokens: Record<ThemeTokenName, string>,
  name: ThemeTokenName,
): string | undefined {
  const start = parseColor(tokens[name]);
  if (!start) return undefined;
  const fails = (value: string) =>
    contrastFailures({ ...tokens, [name]: value }).some(
      (failure) => failure.foreground === name || failure.background === name,
    );
  if (!fails(tokens[name])) return undefined;
  for (let step = 1; step <= 100; step += 1) {
    for (const target of [0, 255]) {
      const candidate = toHex(mix(start, target, step / 100));
      if (!fails(candidate)) return candidate;
    }
  }
  return undefined;
}
