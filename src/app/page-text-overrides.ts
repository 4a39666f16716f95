/**
 * The messages a hosted page replaces: a pack's sign-in heading and intro, and the tenant's own
 * wording. The tenant's win, since it is the more specific of the two. The same for the page in
 * the browser and for the first step the server renders.
 */
import type { TenantConfig } from '../api/contract.schema.js';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import { supportedLocales } from '../i18n/negotiate-locale.js';
import type { TextOverrides } from '../i18n/override-templates.js';

export function pageTextOverrides(
  theme: ResolvedTheme | undefined,
  tenantOverrides: TenantConfig['textOverrides'],
): TextOverrides {
  const merged: TextOverrides = {};
  for (const locale of supportedLocales) {
    const text = theme?.text[locale];
    merged[locale] = {
      ...(text?.signInHeading ? { heading: text.signInHeading } : {}),
      ...(text?.signInIntro ? { local_intro_email: text.signInIntro } : {}),
      // The contract allows any locale tag; only shipped locales can carry overrides.
      ...tenantOverrides?.[locale],
    };
  }
  return merged;
}
