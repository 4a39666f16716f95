/**
 * The fixed values of a theme pack's fields, apart from the schemas that check them, so that the
 * first-load script can use them without carrying zod.
 */
import { tenantIdPattern } from '../tenant/ids.js';

/** Theme ids, as in folder names and URLs, follow the same rule as tenant ids. */
export const themeIdPattern = tenantIdPattern;
export const colorSchemes = ['light', 'dark'] as const;
export const layouts = ['centered', 'split'] as const;
export const assetKinds = ['bannerLogo', 'background', 'favicon'] as const;
export type AssetKind = (typeof assetKinds)[number];

/** A brand font's name, as `tokens.font-family` names it (quoted there when it has a space). */
export const fontFamilyPattern = /^[A-Za-z0-9][A-Za-z0-9 -]{0,39}$/;
export const fontStyles = ['normal', 'italic'] as const;
/** A pack's brand fonts: a few faces of one or two families, say regular, bold and italic. */
export const maxFonts = 4;
