/**
 * The design tokens a theme pack sets. Each name maps 1:1 onto a CSS custom property
 * (`color-brand` -> `--gate-color-brand`) declared with its default in base-tokens.ts, and each
 * value is checked by kind (theme-token-checks.ts) so that nothing but a colour, a length or a
 * font list reaches CSS.
 */

export interface LengthToken {
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

export type ColorTokenName = {
  [Name in ThemeTokenName]: (typeof themeTokens)[Name]['kind'] extends 'color' ? Name : never;
}[ThemeTokenName];

/** The tokens a dark scheme may set. */
export const colorTokenNames = themeTokenNames.filter(
  (name): name is ColorTokenName => themeTokens[name].kind === 'color',
);

export function tokenProperty(name: ThemeTokenName): `--gate-${ThemeTokenName}` {
  return `--gate-${name}`;
}

/** The token that carries a pack's background image; set from `assets.background`, not from `tokens`. */
export const backgroundImageProperty = '--gate-background-image';
