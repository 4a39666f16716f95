/** Tenant and theme ids: lower-case letters, digits and hyphens, as they appear in URLs and file names. */
export const tenantIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Policy ids, as they appear in URLs: `B2C_1_signin`. */
export const policyIdPattern = /^[A-Za-z0-9_]{1,64}$/;

/** The ids of a tenant's apps (OpenID Connect clients). */
export const clientIdPattern = /^[A-Za-z0-9._-]{1,100}$/;
