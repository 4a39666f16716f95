/**
 * What the studio's email preview asks its dev server for, and gets (scripts/studio-emails.ts
 * renders the messages with the server's own mail code).
 */
import type { ThemeLocale } from '../theme/theme-text.schema.js';

/** The messages a user can get: a verification code, "contact your administrator", "password changed". */
export const previewMailKinds = [
  'verification-code',
  'reset-not-allowed',
  'password-changed',
] as const;

export type PreviewMailKind = (typeof previewMailKinds)[number];

export interface EmailPreviewRequest {
  tenant: string;
  /** The pack as the studio resolved it, asset paths relative to themes/. */
  theme: unknown;
  /** A copied pack's assets are still in the pack it was copied from. */
  assetsFrom?: string;
  /** A banner logo dropped into the studio and not saved yet, as base64. */
  bannerLogo?: string;
}

export interface PreviewEmail {
  locale: ThemeLocale;
  kind: PreviewMailKind;
  subject: string;
  /** With the logo inline as a data: URL, where a sent message refers to its attachment. */
  html: string;
  text: string;
}
