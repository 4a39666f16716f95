/**
 * `themes/<id>/theme.json`, the manifest a brand team edits. Every field but `id` and `name` is
 * optional here because a pack that `extends` another only says what differs; a pack that extends
 * nothing must be complete, which resolve-theme.ts checks after merging.
 */
import * as z from 'zod/mini';
import { colorProblem } from './color.js';
import {
  colorSchemes,
  fontFamilyPattern,
  fontStyles,
  layouts,
  maxFonts,
  themeIdPattern,
} from '../pack-fields.js';
import { plainText } from '../theme-text.schema.js';
import { fontFamilyProblem, lengthProblem } from '../theme-token-checks.js';
import {
  colorTokenNames,
  themeTokenNames,
  themeTokens,
  type ColorTokenName,
  type ThemeTokenName,
} from '../theme-tokens.js';

const themeId = z
  .string()
  .check(z.regex(themeIdPattern, 'must be lower-case letters, digits and hyphens'));

/** A zod check that reports what `problem` says about a value, as its message. */
function checkedString(problem: (value: string) => string | undefined) {
  return z.string().check(
    z.superRefine((value, context) => {
      const message = problem(value);
      if (message) context.addIssue({ code: 'custom', message, input: value });
    }),
  );
}

function tokenValue(name: ThemeTokenName) {
  const spec = themeTokens[name];
  switch (spec.kind) {
    case 'color':
      return checkedString(colorProblem);
    case 'font-family':
      return checkedString(fontFamilyProblem);
    case 'length':
      return checkedString((value) => lengthProblem(value, spec));
  }
}

const tokensSchema = z.strictObject(
  Object.fromEntries(themeTokenNames.map((name) => [name, z.optional(tokenValue(name))])) as Record<
    ThemeTokenName,
    z.ZodMiniOptional<z.ZodMiniString>
  >,
);

/** Colours that replace the light ones when the system prefers dark (dark-scheme.ts). */
const darkSchema = z.strictObject(
  Object.fromEntries(
    colorTokenNames.map((name) => [name, z.optional(checkedString(colorProblem))]),
  ) as Record<ColorTokenName, z.ZodMiniOptional<z.ZodMiniString>>,
);

/** A file in the pack's own `assets/` folder; no sub-folders, no way out of it. */
const assetPath = z
  .string()
  .check(
    z.regex(
      /^assets\/[a-z0-9][a-z0-9_-]{0,62}\.(?:svg|png|jpe?g)$/,
      'must name a .svg, .png or .jpg file in assets/, such as assets/logo.svg',
    ),
  );

/** A brand font face: a `.woff2` file in the pack's `assets/` and what it is. */
const fontSchema = z.strictObject({
  family: z
    .string()
    .check(
      z.regex(fontFamilyPattern, 'must be a font name of letters, digits, spaces and hyphens'),
    ),
  file: z
    .string()
    .check(
      z.regex(
        /^assets\/[a-z0-9][a-z0-9_-]{0,62}\.woff2$/,
        'must name a .woff2 file in assets/, such as assets/brand-regular.woff2',
      ),
    ),
  /** 400 (regular) unless said; a variable font names its range's one weight per face. */
  weight: z.optional(z.int().check(z.gte(100), z.lte(900))),
  style: z.optional(z.enum(fontStyles)),
});

export const themeSchema = z.strictObject({
  id: themeId,
  name: plainText(60),
  extends: z.optional(themeId),
  colorScheme: z.optional(z.enum(colorSchemes)),
  /** `centered`: the card over the background image; `split`: the image beside the card. */
  layout: z.optional(z.enum(layouts)),
  tokens: z.optional(tokensSchema),
  /** A dark scheme beside the light one; only a light pack has one. */
  dark: z.optional(darkSchema),
  assets: z.optional(
    z.strictObject({
      bannerLogo: z.optional(assetPath),
      background: z.optional(assetPath),
      favicon: z.optional(assetPath),
    }),
  ),
  /** Brand fonts, served from Gatehouse's origin; `tokens.font-family` names their family. */
  fonts: z.optional(z.array(fontSchema).check(z.minLength(1), z.maxLength(maxFonts))),
});
export type Theme = z.infer<typeof themeSchema>;
