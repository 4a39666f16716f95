/**
 * The Gatehouse HTTP contract, version 1: every request, response and error body.
 * Client, msw handlers and server all parse with these schemas, so they cannot drift apart.
 * Written with zod/mini; the client loads this module beside its first request, so the sign-in
 * page's first load carries no validator (the endpoints, by schema name, are in endpoints.ts).
 */
import * as z from 'zod/mini';
import { clientIdPattern } from '../tenant/ids.js';
import { policySchema } from '../tenant/policy.schema.js';

/** RFC 5321 caps a forward path at 254 octets; longer input is never an address. */
export const maxEmailLength = 254;
/** Passwords are refused above 128 code points (docs/security.md#rule-1); the body cap is looser so that the server can say why. */
export const maxPasswordInput = 1024;
export const codeLength = 6;

/**
 * Text a request may carry: no NUL (PostgreSQL refuses it in text) and no lone surrogate (no
 * UTF-8 spells it). Either is a 400 here, before any query.
 */
const requestText = () => z.string().check(z.regex(/^[^\0\p{Cs}]*$/u));

/** What a tenant id and a flow id look like, in the paths as in the bodies. */
export const tenantIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const flowIdPattern = /^[A-Za-z0-9_-]{16,128}$/;
const tenantId = z.string().check(z.regex(tenantIdPattern));
/** Flow ids, in paths too: a string that is no flow id names no flow. */
export const flowIdSchema = z.string().check(z.regex(flowIdPattern));
const seconds = z.int().check(z.nonnegative());
const localeTag = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

export const passwordRulesSchema = z.strictObject({
  minLength: z.int().check(z.gte(8), z.lte(128)),
  maxLength: z.literal(128),
});
export type PasswordRules = z.infer<typeof passwordRulesSchema>;

/** What the pages need to know of a tenant (never its groups, users or embedding origins). */
export const tenantConfigSchema = z.strictObject({
  tenant: tenantId,
  displayName: z.string().check(z.minLength(1), z.maxLength(100)),
  theme: tenantId,
  locales: z.array(localeTag).check(z.minLength(1)),
  defaultLocale: localeTag,
  /** Whether reset pages exist at all (the tenant's switch is not "none"). */
  selfServiceReset: z.boolean(),
  passwordRules: passwordRulesSchema,
  /** Return addresses a `redirect_uri` must match exactly. */
  redirectUris: z.array(z.string()),
  policies: z.array(policySchema).check(z.minLength(1)),
  /** How users sign in: by username (its reset asks for one) or, when absent, by email. */
  signInName: z.optional(z.enum(['email', 'username'])),
  /** The tenant's own wording for single messages, by locale and message id; plain text only. */
  textOverrides: z.optional(
    z.record(
      localeTag,
      z.record(
        z.string(),
        z.string().check(
          z.maxLength(500),
          z.refine((text) => !/[<>]/.test(text)),
        ),
      ),
    ),
  ),
});
export type TenantConfig = z.infer<typeof tenantConfigSchema>;

export const signInRequestSchema = z.strictObject({
  identifier: requestText().check(z.minLength(1), z.maxLength(maxEmailLength)),
  password: requestText().check(z.minLength(1), z.maxLength(maxPasswordInput)),
  /**
   * An embedded sign-in for this app of the tenant: the answer carries a ticket that finishes the
   * app's authorization request at the front door (docs/embedding.md).
   */
  clientId: z.optional(z.string().check(z.regex(clientIdPattern))),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/**
 * Signed in, or one more step first: confirm the recovery email with a code (when the tenant
 * asks users to reconfirm it periodically and this user is due, or requires a verified one), or
 * register a recovery email and verify it with a code (a username account without a verified one,
 * where the tenant sets `requireRecoveryRegistration`).
 */
export const signInResponseSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('signed-in'),
    /** With `clientId`: single use, short-lived, redeemed only by the front door's authorize. */
    ticket: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/))),
  }),
  z.strictObject({
    status: z.literal('confirm-email'),
    flowId: flowIdSchema,
    email: z.string().check(z.minLength(3), z.maxLength(maxEmailLength)),
  }),
  z.strictObject({ status: z.literal('register-email'), flowId: flowIdSchema }),
]);
export type SignInResponse = z.infer<typeof signInResponseSchema>;

/** What the pages and the operators' tools take for an email address. */
export const emailAddressSchema = requestText().check(
  z.minLength(3),
  z.maxLength(maxEmailLength),
  z.regex(/^[^\s@]+@[^\s@]+$/),
);

/** A username account's sign-in name: letters, digits, `.`, `_` and `-`, never an `@`. */
export const usernamePattern = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;
export const usernameSchema = requestText().check(z.regex(usernamePattern));

/**
 * An email tenant's reset starts with the address, a username tenant's (`signInName: "username"`)
 * with the username; the code goes to the account's verified recovery email.
 */
export const resetStartRequestSchema = z.union([
  z.strictObject({ email: emailAddressSchema }),
  z.strictObject({ username: usernameSchema }),
]);
export type ResetStartRequest = z.infer<typeof resetStartRequestSchema>;

/** The same body whether or not the address has an account (docs/security.md#rule-12). */
export const resetStartResponseSchema = z.strictObject({
  flowId: flowIdSchema,
  resendAfter: seconds,
});
export type ResetStartResponse = z.infer<typeof resetStartResponseSchema>;

/** Where a reset flow stands, so that a reload can resume it. */
export const resetStatusResponseSchema = z.strictObject({
  verified: z.boolean(),
  /** Seconds until another code may be sent. */
  resendAfter: seconds,
});
export type ResetStatusResponse = z.infer<typeof resetStatusResponseSchema>;

export const resetResendRequestSchema = z.strictObject({});
export const resetResendResponseSchema = z.strictObject({ resendAfter: seconds });
export type ResetResendResponse = z.infer<typeof resetResendResponseSchema>;

export const resetVerifyRequestSchema = z.strictObject({
  code: z.string().check(z.regex(/^[0-9]{6}$/)),
});
export type ResetVerifyRequest = z.infer<typeof resetVerifyRequestSchema>;

export const resetVerifyResponseSchema = z.strictObject({ status: z.literal('verified') });

export const resetPasswordRequestSchema = z.strictObject({
  password: requestText().check(z.minLength(1), z.maxLength(maxPasswordInput)),
});
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const resetPasswordResponseSchema = z.strictObject({
  status: z.literal('password-changed'),
});

/**
 * A registration gives the address to send the code to (and may give another, which ends the
 * code sent before); a reconfirmation sends to the address on the account and gives none.
 */
export const emailConfirmSendRequestSchema = z.strictObject({
  email: z.optional(emailAddressSchema),
});
export type EmailConfirmSendRequest = z.infer<typeof emailConfirmSendRequestSchema>;
export const emailConfirmSendResponseSchema = z.strictObject({ resendAfter: seconds });
export const emailConfirmVerifyRequestSchema = resetVerifyRequestSchema;
export const emailConfirmVerifyResponseSchema = z.strictObject({ status: z.literal('signed-in') });

/** Who is signed in to this tenant in this browser, for the password change page and the portal. */
export const sessionResponseSchema = z.discriminatedUnion('signedIn', [
  z.strictObject({ signedIn: z.literal(false) }),
  z.strictObject({
    signedIn: z.literal(true),
    email: z.string().check(z.minLength(1), z.maxLength(maxEmailLength)),
  }),
]);
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const signOutRequestSchema = z.strictObject({});
export const signOutResponseSchema = z.strictObject({ status: z.literal('signed-out') });

/** A signed-in user's new password, given with the current one. */
export const passwordChangeRequestSchema = z.strictObject({
  currentPassword: requestText().check(z.minLength(1), z.maxLength(maxPasswordInput)),
  password: requestText().check(z.minLength(1), z.maxLength(maxPasswordInput)),
});
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequestSchema>;
export const passwordChangeResponseSchema = resetPasswordResponseSchema;

export const passwordProblems = ['too_short', 'too_long', 'common', 'context'] as const;
export type PasswordProblem = (typeof passwordProblems)[number];

/** Every error body the server may send, keyed by `error`. */
export const errorBodySchema = z.discriminatedUnion('error', [
  z.strictObject({ error: z.literal('invalid_request') }),
  z.strictObject({ error: z.literal('unsupported_media_type') }),
  z.strictObject({ error: z.literal('payload_too_large') }),
  z.strictObject({ error: z.literal('invalid_credentials') }),
  /** The request needs a live session of this tenant, and has none (signed out, or expired). */
  z.strictObject({ error: z.literal('session_required') }),
  /** One answer for a wrong, expired or used code (docs/security.md#rule-10); 0 tries left means the code is dead. */
  z.strictObject({ error: z.literal('code_rejected'), attemptsLeft: seconds }),
  z.strictObject({
    error: z.literal('password_rejected'),
    reasons: z.array(z.enum(passwordProblems)).check(z.minLength(1)),
  }),
  z.strictObject({ error: z.literal('flow_not_found') }),
  z.strictObject({ error: z.literal('step_not_allowed') }),
  z.strictObject({ error: z.literal('tenant_not_found') }),
  /** No such route in the contract (a client of another version, or a mistyped path). */
  z.strictObject({ error: z.literal('not_found') }),
  /** The route exists, for other methods: the `Allow` header names them. */
  z.strictObject({ error: z.literal('method_not_allowed') }),
  /** A request that changes state, sent by a site that is neither this one nor one the tenant lists. */
  z.strictObject({ error: z.literal('forbidden') }),
  z.strictObject({ error: z.literal('too_many_requests'), retryAfter: seconds }),
  z.strictObject({ error: z.literal('service_unavailable') }),
]);
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ErrorCode = ErrorBody['error'];

/** The HTTP status that goes with each error code. */
export const errorStatus = {
  invalid_request: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  invalid_credentials: 401,
  session_required: 401,
  code_rejected: 422,
  password_rejected: 422,
  flow_not_found: 404,
  step_not_allowed: 409,
  tenant_not_found: 404,
  not_found: 404,
  method_not_allowed: 405,
  forbidden: 403,
  too_many_requests: 429,
  service_unavailable: 503,
} as const satisfies Record<ErrorCode, number>;
