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
