/** Tenant and theme ids: lower-case letters, digits and hyphens, as they appear in URLs and file names. */
export const tenantIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;
