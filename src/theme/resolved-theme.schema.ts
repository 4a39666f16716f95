/**
 * A resolved theme pack: its `extends` chain merged, every token set, every colour as `#rrggbb`,
 * asset paths pointing at the pack that owns the file. This is what the build emits as
 * `themes/<id>.json` and what the browser loads; the browser parses it again at that edge, so
 * nothing but checked token values can reach a page's CSS.
 */
import * as z from 'zod/mini';
import {
  colorSchemes,
  fontFamilyPattern,
  fontStyles,
  layouts,
  maxFonts,
  themeIdPattern,
} from './pack-fields.js';
import { plainText, themeLocales, themeTextSchema } from './theme-text.schema.js';
import { fontFamilyProblem, lengthProblem, resolvedColorPattern } from './theme-token-checks.js';
import {
  colorTokenNames,
  themeTokenNames,
  themeTokens,
  type ColorTokenName,
  type ThemeTokenName,
} from './theme-tokens.js';

function resolvedTokenValue(name: ThemeTokenName) {
  const spec = themeTokens[name];
  switch (spec.kind) {
    case 'color':
      return z.string().check(z.regex(resolvedColorPattern, 'must be #rrggbb'));
    case 'font-family':
      return z
        .string()
        .check(z.refine((value) => !fontFamilyProblem(value), 'must be a font list'));
    case 'length':
      return z.string().check(z.refine((value) => !lengthProblem(value, spec), 'must be a length'));
  }
}

/**
 * `contoso/assets/logo.svg`: relative to the folder the resolved packs are served from in the
 * JSON; loadTheme turns it into an absolute URL.
 */
const assetReference = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}\/assets\/[a-z0-9][a-z0-9_-]{0,62}\.(?:svg|png|jpe?g)$/));

/** `contoso/assets/brand.woff2`, like the other assets. */
const fontReference = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}\/assets\/[a-z0-9][a-z0-9_-]{0,62}\.woff2$/));

export const resolvedThemeSchema = z.strictObject({
  id: z.string().check(z.regex(themeIdPattern)),
  name: plainText(60),
  colorScheme: z.enum(colorSchemes),
  layout: z.enum(layouts),
  tokens: z.strictObject(
    Object.fromEntries(themeTokenNames.map((name) => [name, resolvedTokenValue(name)])) as Record<
      ThemeTokenName,
      z.ZodMiniString
    >,
  ),
  /** The colours under `prefers-color-scheme: dark`, when the pack pairs a dark scheme with its light one. */
  dark: z.optional(
    z.strictObject(
      Object.fromEntries(colorTokenNames.map((name) => [name, resolvedTokenValue(name)])) as Record<
        ColorTokenName,
        z.ZodMiniString
      >,
    ),
  ),
  assets: z.strictObject({
    bannerLogo: z.optional(assetReference),
    background: z.optional(assetReference),
    favicon: z.optional(assetReference),
  }),
  /** Brand font faces, each added to the document with `font-display: swap`. */
  fonts: z.optional(
    z
      .array(
        z.strictObject({
          family: z.string().check(z.regex(fontFamilyPattern)),
          src: fontReference,
          weight: z.int().check(z.gte(100), z.lte(900)),
          style: z.enum(fontStyles),
        }),
      )
      .check(z.maxLength(maxFonts)),
  ),
  /**
   * The banner logo's size in CSS pixels, read from the file by the build, so that its place is
   * held before the image has loaded (and the server's first rendering can leave it out).
   */
  bannerLogoSize: z.optional(
    z.strictObject({
      width: z.int().check(z.gte(1), z.lte(280)),
      height: z.int().check(z.gte(1), z.lte(60)),
    }),
  ),
  text: z.strictObject(
    Object.fromEntries(
      themeLocales.map((locale) => [locale, z.optional(themeTextSchema)]),
    ) as Record<(typeof themeLocales)[number], z.ZodMiniOptional<typeof themeTextSchema>>,
  ),
});
export type ResolvedTheme = z.infer<typeof resolvedThemeSchema>;
