/**
 * A resolved pack as CSS: its tokens as custom properties on the element that carries
 * `data-gate-theme="<id>"`, inside the `gate-theme` layer, which base-tokens.ts orders after
 * `gate-base` so brand values win over the defaults while a host page's own unlayered CSS still
 * wins over both. Values come only from the checked token list; nothing else of a pack is CSS.
 */
import type { ResolvedTheme } from '../resolved-theme.schema.js';
import { backgroundImageProperty, themeTokenNames, tokenProperty } from '../theme-tokens.js';

/** The attribute applyTheme sets on its container; the pack's rule matches it. */
export const themeAttribute = 'data-gate-theme';

/** A CSS string holding `text`, for `url("...")`. */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

export function themeCss(theme: ResolvedTheme): string {
  const declarations = [
    // The enum, not a token: it makes native controls and scrollbars match a dark pack.
    `color-scheme: ${theme.colorScheme};`,
    ...themeTokenNames.map((name) => `${tokenProperty(name)}: ${theme.tokens[name]};`),
    `${backgroundImageProperty}: ${theme.assets.background ? `url(${cssString(theme.assets.background)})` : 'none'};`,
  ];
  const scope = `:where([${themeAttribute}='${theme.id}'])`;
  const dark = theme.dark
    ? `@media (prefers-color-scheme: dark) {
  ${scope} {
    color-scheme: dark;
    ${Object.entries(theme.dark)
      .map(([name, value]) => `--gate-${name}: ${value};`)
      .join('\n    ')}
  }
}`
    : '';
  return `@layer gate-base, gate-theme;
@layer gate-theme {
  ${scope} {
    ${declarations.join('\n    ')}
  }
  ${dark}
}
`;
}
