import type { Tenant } from '../tenant/tenant.schema.js';
import type { TenantConfig } from './contract.schema.js';

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
    ...(tenant.textOverrides ? { textOverrides: tenant.textOverrides } : {}),
  };
}
