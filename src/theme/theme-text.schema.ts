/**
 * A theme pack's page text for one locale (`text/<locale>.json`). It is data shown as text, never
 * HTML (docs/security.md#rule-21): markup, entities and bidi overrides are refused here, and the
 * elements render what is left through text bindings only.
 */
import * as z from 'zod/mini';
import { hiddenControls } from '../i18n/hidden-controls.js';
import { isSafeLinkUrl } from './safe-link.js';

export const themeLocales = ['en', 'nl', 'sv'] as const;
export type ThemeLocale = (typeof themeLocales)[number];

const markupPattern = /<[a-z!/?]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

export function plainText(maxLength: number) {
  return z.string().check(
    z.minLength(1),
    z.maxLength(maxLength),
    z.refine(
      (text) => !markupPattern.test(text),
      'must be plain text, without markup or HTML entities',
    ),
    z.refine(
      (text) => !hiddenControls.test(text),
      'must not contain control characters or bidi overrides',
    ),
  );
}

const footerLinkSchema = z.strictObject({
  label: plainText(60),
  href: z.string().check(z.refine(isSafeLinkUrl, 'must be an absolute https URL')),
});
export type FooterLink = z.infer<typeof footerLinkSchema>;

/** Links are keyed (`privacy`, `terms`), so that a pack that extends another overrides one link, never the whole list. */
const linkKey = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, 'link keys are lower-case words such as privacy'));

export const themeTextSchema = z.strictObject({
  /** Replaces the heading of the sign-in page. */
  signInHeading: z.optional(plainText(80)),
  /** Replaces the sentence under the sign-in heading. */
  signInIntro: z.optional(plainText(300)),
  /** Shown under the email or username field, e.g. which address to use. */
  usernameHint: z.optional(plainText(200)),
  footerLinks: z.optional(
    z
      .record(linkKey, footerLinkSchema)
      .check(z.refine((links) => Object.keys(links).length <= 6, 'at most 6 links')),
  ),
});
export type ThemeText = z.infer<typeof themeTextSchema>;
