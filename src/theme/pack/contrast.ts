/**
 * WCAG 2.2 contrast of every colour pair a page draws: 4.5:1 for text (SC 1.4.3), 3:1 for
 * borders, focus rings and icons (SC 1.4.11). Large text gets no pairs of its own: headings use
 * `color-text`, which already has to pass at 4.5:1 on the same backgrounds.
 */
import { parseColor, type Rgba } from './color.js';
import type { ThemeTokenName } from '../theme-tokens.js';

export interface ContrastPair {
  foreground: ThemeTokenName;
  background: ThemeTokenName;
  minimum: 4.5 | 3;
  /** Where the pair appears, for the brand team reading the error. */
  where: string;
}

const contrastPairs: readonly ContrastPair[] = [
  {
    foreground: 'color-text',
    background: 'color-surface',
    minimum: 4.5,
    where: 'text in the card',
  },
  {
    foreground: 'color-text',
    background: 'color-background',
    minimum: 4.5,
    where: 'text on the page and in read-only fields',
  },
  {
    foreground: 'color-text-quiet',
    background: 'color-surface',
    minimum: 4.5,
    where: 'intros and hints',
  },
  {
    foreground: 'color-text-quiet',
    background: 'color-background',
    minimum: 4.5,
    where: 'the language label and footer text, on their panel over a background image',
  },
  {
    foreground: 'color-on-brand',
    background: 'color-brand',
    minimum: 4.5,
    where: 'primary button labels',
  },
  {
    foreground: 'color-brand',
    background: 'color-surface',
    minimum: 4.5,
    where: 'links and secondary buttons',
  },
  {
    foreground: 'color-brand',
    background: 'color-background',
    minimum: 4.5,
    where: 'footer links, on their panel over a background image, and pressed toggles',
  },
  { foreground: 'color-error', background: 'color-surface', minimum: 4.5, where: 'field errors' },
  {
    foreground: 'color-success',
    background: 'color-surface',
    minimum: 4.5,
    where: 'met password rules',
  },
  {
    foreground: 'color-on-brand',
    background: 'color-error',
    minimum: 3,
    where: 'the error alert icon',
  },
  { foreground: 'color-border', background: 'color-surface', minimum: 3, where: 'input borders' },
  {
    foreground: 'color-focus',
    background: 'color-surface',
    minimum: 3,
    where: 'focus rings in the card',
  },
  {
    foreground: 'color-focus',
    background: 'color-background',
    minimum: 3,
    where: 'focus rings on the page',
  },
];

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

export interface ContrastFailure extends ContrastPair {
  ratio: number;
}

/** Every pair below its minimum. WCAG does not round: 4.499:1 fails 4.5:1. */
export function contrastFailures(tokens: Record<ThemeTokenName, string>): ContrastFailure[] {
  return contrastPairs.flatMap((pair) => {
    const foreground = parseColor(tokens[pair.foreground]);
    const background = parseColor(tokens[pair.background]);
    if (!foreground || !background) return [];
    const ratio = contrastRatio(foreground, background);
    return ratio < pair.minimum ? [{ ...pair, ratio }] : [];
  });
}

/** `3.14:1`, cut rather than rounded so that a failing ratio never prints as passing. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}
