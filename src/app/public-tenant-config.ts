import type { Tenant } from '../tenant/tenant.schema.js';
import type { TenantConfig } from '../api/contract.schema.js';
import { supportedLocales } from '../i18n/negotiate-locale.js';
import { usernameWording } from '../i18n/username-wording.js';
import { translator } from '../i18n/translator.js';

/** The tenant's own wording, beneath it (for a username tenant) the words for a username. */
function textOverrides(tenant: Tenant): TenantConfig['textOverrides'] {
  if (tenant.signInName !== 'username') return tenant.textOverrides;
  return Object.fromEntries(
    supportedLocales
      .filter((locale) => tenant.locales.includes(locale))
      .map((locale) => [
        locale,
        { ...usernameWording(translator(locale)), ...tenant.textOverrides?.[locale] },
      ]),
  );
}

/** What the pages may know of a tenant: nothing about groups or embedding. */
export function publicTenantConfig(tenant: Tenant): TenantConfig {
  return {
    tenant: tenant.id,
    displayName: tenant.displayName,
    theme: tenant.theme,
    locales: tenant.locales,
    defaultLocale: tenant.defaultLocale,
    selfServiceReset: tenant.selfServiceReset.enabled !== 'none',
    passwordRules: { minLength: tenant.passwordRules.minLength, maxLength: 128 },
    redirectUris: tenant.redirectUris,
    policies: tenant.policies,
    ...(tenant.signInName === 'username' ? { signInName: 'username' as const } : {}),
    ...(textOverrides(tenant) ? { textOverrides: textOverrides(tenant) } : {}),
  };
}
