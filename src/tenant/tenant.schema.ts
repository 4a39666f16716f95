/**
 * A tenant, as its operator describes it in `tenants/<id>.json`: who they are, how their pages
 * look and speak, which policies (flows) they offer, who may reset a password, where users may be
 * sent back to. Data, validated here; nothing about a tenant lives in code.
 */
import * as z from 'zod/mini';
import { parseDataFile, type DataFileResult } from '../data/data-file.schema.js';
import { policySchema } from './policy.schema.js';
import { clientIdPattern, tenantIdPattern } from './ids.js';

export const maxReconfirmDays = 730;

const localeTag = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/** Only absolute https URLs (or http on loopback, for development) can be return addresses. */
const redirectUri = z.string().check(
  z.refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) && !url.hash;
  }, 'must be an absolute https URL (http only on localhost) without a fragment'),
);

const origin = z
  .string()
  .check(
    z.refine(
      (value) => URL.canParse(value) && new URL(value).origin === value,
      'must be an origin such as https://shop.example.com (scheme, host and port only)',
    ),
  );

/** Names the platform's time zone data knows (IANA), e.g. Europe/Amsterdam or UTC. */
const timeZone = z.string().check(
  z.refine((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return value !== '';
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Amsterdam'),
);

/** Azure AD's self-service password reset switch: nobody, members of one group, or everyone. */
export const selfServiceResetSchema = z.discriminatedUnion('enabled', [
  z.strictObject({ enabled: z.literal('none') }),
  z.strictObject({ enabled: z.literal('selected'), group: z.string().check(z.minLength(1)) }),
  z.strictObject({ enabled: z.literal('all') }),
]);
export type SelfServiceReset = z.infer<typeof selfServiceResetSchema>;

const unique = <T>(values: T[]) => new Set(values).size === values.length;

/** Names of environment variables: where a confidential client's secret lives (never in a file). */
const environmentVariable = z
  .string()
  .check(
    z.regex(
      /^[A-Z_][A-Z0-9_]{0,127}$/,
      'must be the name of an environment variable, such as CONTOSO_WEB_SECRET',
    ),
  );

/**
 * An app that signs its users in through the tenant's OpenID Connect front door. Its redirect
 * URIs match exactly (docs/connect-an-app.md); a public client (SPA, native) proves itself with
 * PKCE, a confidential one with the secret held in the environment variable `secretEnv` names.
 */
export const clientSchema = z
  .strictObject({
    id: z.string().check(z.regex(clientIdPattern)),
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    type: z.enum(['public', 'confidential']),
    redirectUris: z
      .array(redirectUri)
      .check(z.minLength(1), z.refine(unique, 'must not repeat an address')),
    postLogoutRedirectUris: z.optional(
      z.array(redirectUri).check(z.refine(unique, 'must not repeat an address')),
    ),
    secretEnv: z.optional(environmentVariable),
    /** How a confidential client sends its secret to the token endpoint (default: HTTP Basic). */
    tokenEndpointAuthMethod: z.optional(z.enum(['client_secret_basic', 'client_secret_post'])),
  })
  .check(
    z.refine((client) => (client.type === 'confidential') === (client.secretEnv !== undefined), {
      message: 'is required for a confidential client and not allowed for a public one',
      path: ['secretEnv'],
    }),
  );
export type Client = z.infer<typeof clientSchema>;

/** Text shown as text (never markup), per locale; each locale must be one of the tenant's. */
const localizedText = (max: number) =>
  z.record(localeTag, z.string().check(z.minLength(1), z.maxLength(max)));

/** A help-desk link of the password portal: its label per locale and where it leads. */
const helpLinkSchema = z.strictObject({
  label: localizedText(100),
  url: z
    .string()
    .check(
      z.refine(
        (value) =>
          URL.canParse(value) && ['https:', 'mailto:', 'tel:'].includes(new URL(value).protocol),
        'must be an https, mailto: or tel: address',
      ),
    ),
});

/** What the tenant's password portal (`/{tenant}`) says beside its links. */
const portalSchema = z.strictObject({
  /** The organisation's help text, per locale. */
  help: z.optional(localizedText(1000)),
  links: z.optional(z.array(helpLinkSchema).check(z.maxLength(10))),
});

export const tenantSchema = z
  .strictObject({
    id: z.string().check(z.regex(tenantIdPattern)),
    displayName: z.string().check(z.minLength(1), z.maxLength(100)),
    theme: z.string().check(z.regex(tenantIdPattern)),
    locales: z.array(localeTag).check(z.minLength(1), z.refine(unique, 'must not repeat a locale')),
    defaultLocale: localeTag,
    selfServiceReset: selfServiceResetSchema,
    /**
     * What users sign in with: their email address (the default), or a username, beside which
     * the account keeps a recovery email of its own for codes and notices.
     */
    signInName: z.optional(z.enum(['email', 'username'])),
    /**
     * A user without a verified recovery email registers one, verified by code, at sign-in
     * before going on. An email account whose sign-in email is verified counts as registered.
     */
    requireRecoveryRegistration: z.optional(z.boolean()),
    /** Days before a user must confirm their recovery email again; 0 never asks. */
    reconfirmEmailAfterDays: z.int().check(z.gte(0), z.lte(maxReconfirmDays)),
    passwordRules: z.strictObject({ minLength: z.int().check(z.gte(8), z.lte(128)) }),
    redirectUris: z.array(redirectUri).check(z.refine(unique, 'must not repeat an address')),
    embeddingOrigins: z.array(origin),
    /** The zone the emails give times in; UTC when absent. */
    timeZone: z.optional(timeZone),
    /** The apps of the tenant's OpenID Connect front door. */
    clients: z.optional(
      z
        .array(clientSchema)
        .check(
          z.refine((clients) => unique(clients.map((c) => c.id)), 'client ids must be unique'),
        ),
    ),
    /** The password portal's help text and help-desk links. */
    portal: z.optional(portalSchema),
    /** Offers the built-in "Run now" test client, as B2C does for its user flows. */
    runNow: z.optional(z.boolean()),
    /** Per locale, message id -> the tenant's wording; checked against the messages by `parseTextOverrides`. */
    textOverrides: z.optional(z.record(z.string(), z.record(z.string(), z.string()))),
    policies: z.array(policySchema).check(
      z.minLength(1),
      z.refine((policies) => unique(policies.map((p) => p.id)), 'policy ids must be unique'),
    ),
  })
  .check(
    z.refine((tenant) => tenant.locales.includes(tenant.defaultLocale), {
      message: 'must be one of the tenant’s locales',
      path: ['defaultLocale'],
    }),
    z.refine(
      (tenant) =>
        [
          tenant.portal?.help ?? {},
          ...(tenant.portal?.links ?? []).map((link) => link.label),
        ].every((texts) => Object.keys(texts).every((locale) => tenant.locales.includes(locale))),
      { message: 'has text for a locale the tenant does not offer', path: ['portal'] },
    ),
  );
export type Tenant = z.infer<typeof tenantSchema>;

/** Validates a tenant file; the file's name must be its id. */
export function parseTenantFile(file: string, data: unknown): DataFileResult<Tenant> {
  const result = parseDataFile(tenantSchema, file, data);
  if (!result.ok) return result;
  const expected = file.replace(/^.*\//, '').replace(/\.json$/, '');
  return result.value.id === expected
    ? result
    : { ok: false, failure: [`${file}: id: must match the file name ("${expected}")`] };
}

/** Like parseTenantFile, but throws one error naming the file and every bad field. */
export function requireTenantFile(file: string, data: unknown): Tenant {
  const result = parseTenantFile(file, data);
  if (result.ok) return result.value;
  throw new Error(`Invalid tenant file ${file}:\n  ${result.failure.join('\n  ')}`);
}
