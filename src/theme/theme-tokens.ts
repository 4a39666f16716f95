/**
 * The design tokens a theme pack sets. Each name maps 1:1 onto a CSS custom property
 * (`color-brand` -> `--gate-color-brand`) declared with its default in base-tokens.ts, and each
 * value is checked by kind so that nothing but a colour, a length or a font list reaches CSS.
 * Browser-safe: the loader re-checks resolved packs with these.
 */

interface LengthToken {
  kind: 'length';
  /** Bounds in CSS pixels (1rem and 1em count as 16px), so that a theme cannot break the layout. */
  min: number;
  max: number;
}

type TokenSpec = { kind: 'color' } | { kind: 'font-family' } | LengthToken;

const color = { kind: 'color' } as const;
const space = { kind: 'length', min: 0, max: 64 } as const;

export const themeTokens = {
  'color-brand': color,
  'color-on-brand': color,
  'color-background': color,
  'color-surface': color,
  'color-text': color,
  'color-text-quiet': color,
  'color-border': color,
  'color-error': color,
  'color-success': color,
  'color-focus': color,
  'font-family': { kind: 'font-family' },
  'font-size': { kind: 'length', min: 14, max: 24 },
  'font-size-heading': { kind: 'length', min: 16, max: 48 },
  radius: { kind: 'length', min: 0, max: 32 },
  'space-1': space,
  'space-2': space,
  'space-3': space,
  'space-4': space,
  'space-6': space,
  'card-width': { kind: 'length', min: 280, max: 720 },
} as const satisfies Record<string, TokenSpec>;

export type ThemeTokenName = keyof typeof themeTokens;

export const themeTokenNames = Object.keys(themeTokens) as ThemeTokenName[];

export function tokenProperty(name: ThemeTokenName): `--gate-${ThemeTokenName}` {
  return `--gate-${name}`;
}

/** The token that carries a pack's background image; set from `assets.background`, not from `tokens`. */
export const backgroundImageProperty = '--gate-background-image';

/** The form every colour takes once resolved: what the browser accepts from a resolved pack. */
export const resolvedColorPattern = /^#[0-9a-f]{6}$/;

const lengthPattern = /^(?:0|(\d{1,3}(?:\.\d{1,4})?)(px|rem|em))$/;

/** `1.5rem` -> 24; undefined for anything that is not a plain px, rem or em length. */
function lengthInPixels(value: string): number | undefined {
  const match = lengthPattern.exec(value);
  if (!match) return undefined;
  if (value === '0') return 0;
  const amount = Number(match[1]);
  return match[2] === 'px' ? amount : amount * 16;
}

export function lengthProblem(value: string, { min, max }: LengthToken): string | undefined {
  const pixels = lengthInPixels(value);
  if (pixels === undefined) return 'must be a length in px, rem or em, such as 1rem or 16px';
  if (pixels < min || pixels > max) {
    return `must be between ${min}px and ${max}px (1rem = 16px), not ${value}`;
  }
  return undefined;
}

const familyName = String.raw`(?:'[A-Za-z0-9 _-]+'|"[A-Za-z0-9 _-]+"|-?[A-Za-z][A-Za-z0-9-]*(?: [A-Za-z][A-Za-z0-9-]*)*)`;
const familyList = new RegExp(`^${familyName}(?:, ?${familyName})*$`);
const genericFamilies = [
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
];

export function fontFamilyProblem(value: string): string | undefined {
  if (value.length > 200 || !familyList.test(value)) {
    return "must be a comma-separated list of font names such as 'Segoe UI', Roboto, sans-serif";
  }
  const last = value.slice(value.lastIndexOf(',') + 1).trim();
  return genericFamilies.includes(last)
    ? undefined
    : `must end with a generic family (${genericFamilies.join(', ')}) for when no named font is available`;
}
