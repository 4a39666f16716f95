import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  codeLength,
  emailConfirmSendRequestSchema,
  emailConfirmSendResponseSchema,
  emailConfirmVerifyRequestSchema,
  emailConfirmVerifyResponseSchema,
  errorBodySchema,
  errorStatus,
  maxEmailLength,
  maxPasswordInput,
  passwordProblems,
  passwordRulesSchema,
  resetPasswordRequestSchema,
  resetPasswordResponseSchema,
  resetResendRequestSchema,
  resetResendResponseSchema,
  resetStartRequestSchema,
  resetStartResponseSchema,
  resetStatusResponseSchema,
  resetVerifyRequestSchema,
  resetVerifyResponseSchema,
  signInRequestSchema,
  signInResponseSchema,
  tenantConfigSchema,
  type ErrorBody,
  type ErrorCode,
} from '../../src/api/contract.schema.js';
import * as contract from '../../src/api/contract.schema.js';
import { endpointPath, endpoints, type Endpoint } from '../../src/api/endpoints.js';

interface Parser {
  safeParse(value: unknown): { success: boolean };
}

/** A schema with bodies it must accept and, labelled, bodies it must refuse. */
interface SchemaCase {
  readonly name: string;
  readonly schema: Parser;
  readonly valid: readonly unknown[];
  readonly invalid: readonly (readonly [label: string, body: unknown])[];
}

/** An address of exactly `length` characters. */
const emailOfLength = (length: number) =>
  `${'a'.repeat(length - '@example.com'.length)}@example.com`;

const flowId = 'Abc_def-0123456789xyz';
const signInPolicy = { id: 'B2C_1_signin', kind: 'sign-in', resetLink: true } as const;
const resetPolicy = { id: 'B2C_1_passwordreset', kind: 'password-reset' } as const;
const tenantConfig = {
  tenant: 'contoso',
  displayName: 'Contoso',
  theme: 'contoso',
  locales: ['en', 'nl', 'sv-SE'],
  defaultLocale: 'en',
  selfServiceReset: true,
  passwordRules: { minLength: 15, maxLength: 128 },
  redirectUris: ['https://contoso.example/auth/callback'],
  policies: [signInPolicy, resetPolicy],
} as const;

/** Bodies every code request (reset and email confirmation) must refuse. */
const invalidCodeBodies = [
  ['missing code', {}],
  ['5 digits', { code: '12345' }],
  ['7 digits', { code: '1234567' }],
  ['empty code', { code: '' }],
  ['full-width digits', { code: '１２３４５６' }],
  ['Arabic-Indic digits', { code: '١٢٣٤٥٦' }],
  ['a letter', { code: '12345a' }],
  ['a leading space', { code: ' 123456' }],
  ['a trailing LF', { code: '123456\n' }],
  ['a sign', { code: '+12345' }],
  ['a number', { code: 123456 }],
  ['a number with a leading zero lost', { code: 12345 }],
  ['an array of digits', { code: ['1', '2', '3', '4', '5', '6'] }],
  ['an array with the code', { code: ['123456'] }],
  ['an object', { code: { $ne: '' } }],
  ['null', { code: null }],
  ['a boolean', { code: true }],
  ['extra key', { code: '123456', flowId }],
  ['__proto__ key', JSON.parse('{"__proto__":{"x":1},"code":"123456"}')],
] as const;

/** Refused by every schema, whatever its fields: a body must be a plain JSON object. */
const notObjects = [
  ['null', null],
  ['undefined', undefined],
  ['a string', '{}'],
  ['a number', 1],
  ['an array', []],
  ['a boolean', true],
] as const;

const requestCases = [
  {
    name: 'signInRequestSchema',
    schema: signInRequestSchema,
    valid: [
      { identifier: 'ada@contoso.example', password: 'correct horse battery staple' },
      { identifier: 'ada', password: 'x' },
      { identifier: emailOfLength(maxEmailLength), password: 'p'.repeat(maxPasswordInput) },
      { identifier: 'ada@contoso.example', password: '🔑 mit Leerzeichen ✓' },
    ],
    invalid: [
      ['missing password', { identifier: 'ada@contoso.example' }],
      ['missing identifier', { password: 'secret' }],
      ['empty identifier', { identifier: '', password: 'secret' }],
      ['empty password', { identifier: 'ada', password: '' }],
      ['identifier over 254', { identifier: emailOfLength(255), password: 'secret' }],
      ['password over the body cap', { identifier: 'ada', password: 'p'.repeat(1025) }],
      ['numeric password', { identifier: 'ada', password: 12345678 }],
      ['array identifier', { identifier: ['ada'], password: 'secret' }],
      ['object password', { identifier: 'ada', password: { value: 'secret' } }],
      ['null password', { identifier: 'ada', password: null }],
      ['a NUL in the identifier', { identifier: 'ada\u0000@contoso.example', password: 'secret' }],
      ['a NUL in the password', { identifier: 'ada', password: 'sec\u0000ret' }],
      ['a lone high surrogate in the identifier', { identifier: 'ada\ud83d', password: 'secret' }],
      ['a lone low surrogate in the password', { identifier: 'ada', password: '\ude00secret' }],
      ['extra key', { identifier: 'ada', password: 'secret', remember: true }],
      [
        '__proto__ key',
        JSON.parse('{"__proto__":{"isAdmin":true},"identifier":"ada","password":"secret"}'),
      ],
    ],
  },
  {
    name: 'resetStartRequestSchema',
    schema: resetStartRequestSchema,
    valid: [
      { email: 'ada@contoso.example' },
      { email: 'a@b' },
      { email: 'Ada.Lovelace+reset@Contoso.Example' },
      { email: 'ада@пример.рф' },
      { email: emailOfLength(maxEmailLength) },
    ],
    invalid: [
      ['missing email', {}],
      ['empty email', { email: '' }],
      ['no @', { email: 'ada.contoso.example' }],
      ['two @', { email: 'ada@contoso@example' }],
      ['nothing before @', { email: '@contoso.example' }],
      ['nothing after @', { email: 'ada@' }],
      ['email over 254', { email: emailOfLength(maxEmailLength + 1) }],
      ['email of 10,000 characters', { email: emailOfLength(10_000) }],
      ['CRLF and a header', { email: 'ada@contoso.example\r\nBcc: eve@evil.example' }],
      ['trailing CRLF', { email: 'ada@contoso.example\r\n' }],
      ['trailing LF', { email: 'ada@contoso.example\n' }],
      ['CR in the local part', { email: 'ada\r@contoso.example' }],
      ['a space inside', { email: 'ada lovelace@contoso.example' }],
      ['surrounding spaces', { email: ' ada@contoso.example ' }],
      ['a tab', { email: 'ada@contoso.example\t' }],
      ['a NUL', { email: 'ada\u0000@contoso.example' }],
      ['a lone surrogate', { email: 'ada\ud800@contoso.example' }],
      ['numeric email', { email: 42 }],
      ['array email', { email: ['ada@contoso.example'] }],
      ['object email', { email: { address: 'ada@contoso.example' } }],
      ['extra key', { email: 'ada@contoso.example', tenant: 'fabrikam' }],
      ['__proto__ key', JSON.parse('{"__proto__":{"x":1},"email":"a@b.c"}')],
      ['constructor key', JSON.parse('{"constructor":{"prototype":{}},"email":"a@b.c"}')],
    ],
  },
  {
    name: 'resetResendRequestSchema',
    schema: resetResendRequestSchema,
    valid: [{}],
    invalid: [
      ['extra key', { flowId }],
      ['__proto__ key', JSON.parse('{"__proto__":{"x":1}}')],
    ],
  },
  {
    name: 'resetVerifyRequestSchema',
    schema: resetVerifyRequestSchema,
    valid: [{ code: '123456' }, { code: '000000' }, { code: '999999' }],
    invalid: invalidCodeBodies,
  },
  {
    name: 'resetPasswordRequestSchema',
    schema: resetPasswordRequestSchema,
    valid: [
      { password: 'x' },
      { password: 'correct horse battery staple' },
      { password: '   leading and trailing spaces   ' },
      { password: '😀'.repeat(15) },
      { password: 'p'.repeat(maxPasswordInput) },
    ],
    invalid: [
      ['missing password', {}],
      ['empty password', { password: '' }],
      ['over the body cap', { password: 'p'.repeat(maxPasswordInput + 1) }],
      ['a megabyte', { password: 'p'.repeat(1 << 20) }],
      ['a NUL', { password: 'correct horse\u0000battery staple' }],
      ['a lone surrogate', { password: 'correct horse \udfff' }],
      ['a number', { password: 123456789012345 }],
      ['an array', { password: ['correct horse battery staple'] }],
      ['extra key', { password: 'correct horse battery staple', confirm: 'same' }],
      ['__proto__ key', JSON.parse('{"__proto__":{"x":1},"password":"correct horse"}')],
    ],
  },
  {
    name: 'emailConfirmSendRequestSchema',
    schema: emailConfirmSendRequestSchema,
    // A registration names the address to prove; the server takes it only for a register flow.
    valid: [{}, { email: 'mona@northwind.example' }],
    invalid: [
      ['extra key', { flowId }],
      ['an address that is none', { email: 'mona' }],
      ['__proto__ key', JSON.parse('{"__proto__":{"x":1}}')],
    ],
  },
  {
    name: 'emailConfirmVerifyRequestSchema',
    schema: emailConfirmVerifyRequestSchema,
    valid: [{ code: '123456' }, { code: '000000' }, { code: '999999' }],
    invalid: invalidCodeBodies,
  },
] as const satisfies readonly SchemaCase[];

const responseCases = [
  {
    name: 'tenantConfigSchema',
    schema: tenantConfigSchema,
    valid: [
      tenantConfig,
      { ...tenantConfig, tenant: 'a', passwordRules: { minLength: 8, maxLength: 128 } },
      { ...tenantConfig, tenant: `t${'-'.repeat(62)}`, displayName: 'x'.repeat(100) },
      { ...tenantConfig, selfServiceReset: false, redirectUris: [] },
      { ...tenantConfig, theme: 'fabrikam-dark', policies: [resetPolicy] },
      { ...tenantConfig, policies: [{ ...signInPolicy, resetLink: false }] },
    ],
    invalid: [
      ['missing passwordRules', { ...tenantConfig, passwordRules: undefined }],
      ['tenant with upper case', { ...tenantConfig, tenant: 'Contoso' }],
      ['tenant with a slash', { ...tenantConfig, tenant: 'con/toso' }],
      ['tenant with dots', { ...tenantConfig, tenant: '..' }],
      ['tenant starting with a hyphen', { ...tenantConfig, tenant: '-contoso' }],
      ['tenant of 64 characters', { ...tenantConfig, tenant: 'c'.repeat(64) }],
      ['empty displayName', { ...tenantConfig, displayName: '' }],
      ['displayName over 100', { ...tenantConfig, displayName: 'x'.repeat(101) }],
      ['no locales', { ...tenantConfig, locales: [] }],
      ['a locale with markup', { ...tenantConfig, locales: ['en', '<b>'] }],
      ['a locale path', { ...tenantConfig, defaultLocale: '../en' }],
      ['selfServiceReset as a string', { ...tenantConfig, selfServiceReset: 'true' }],
      ['minLength below 8', { ...tenantConfig, passwordRules: { minLength: 7, maxLength: 128 } }],
      [
        'minLength over 128',
        { ...tenantConfig, passwordRules: { minLength: 129, maxLength: 128 } },
      ],
      [
        'fractional minLength',
        { ...tenantConfig, passwordRules: { minLength: 8.5, maxLength: 128 } },
      ],
      ['maxLength not 128', { ...tenantConfig, passwordRules: { minLength: 15, maxLength: 64 } }],
      ['missing theme', { ...tenantConfig, theme: undefined }],
      ['theme with upper case', { ...tenantConfig, theme: 'Dark' }],
      ['theme climbing with ../', { ...tenantConfig, theme: '../contoso' }],
      ['theme as an object', { ...tenantConfig, theme: { id: 'contoso' } }],
      ['missing redirectUris', { ...tenantConfig, redirectUris: undefined }],
      ['redirectUris as a string', { ...tenantConfig, redirectUris: 'https://contoso.example' }],
      ['a numeric redirect URI', { ...tenantConfig, redirectUris: [42] }],
      ['missing policies', { ...tenantConfig, policies: undefined }],
      ['no policies', { ...tenantConfig, policies: [] }],
      [
        'a policy of an unknown kind',
        { ...tenantConfig, policies: [{ id: 'x', kind: 'sign-up' }] },
      ],
      ['a policy id with a slash', { ...tenantConfig, policies: [{ ...resetPolicy, id: 'a/b' }] }],
      [
        'a policy id of 65',
        { ...tenantConfig, policies: [{ ...resetPolicy, id: 'p'.repeat(65) }] },
      ],
      [
        'a sign-in policy without resetLink',
        { ...tenantConfig, policies: [{ id: 'B2C_1_signin', kind: 'sign-in' }] },
      ],
      [
        'resetLink on a reset policy',
        { ...tenantConfig, policies: [{ ...resetPolicy, resetLink: true }] },
      ],
      [
        'resetLink as a string',
        { ...tenantConfig, policies: [{ ...signInPolicy, resetLink: 'true' }] },
      ],
      ['an unknown policy key', { ...tenantConfig, policies: [{ ...resetPolicy, steps: [] }] }],
      [
        'selfServiceReset as the tenant file has it',
        { ...tenantConfig, selfServiceReset: { enabled: 'all' } },
      ],
      ['extra key', { ...tenantConfig, colour: 'dark' }],
      ['the embedding origins', { ...tenantConfig, embeddingOrigins: ['https://shop.example'] }],
      ['the reconfirmation period', { ...tenantConfig, reconfirmEmailAfterDays: 180 }],
      ['the reset group', { ...tenantConfig, group: 'sspr-enabled' }],
      ['__proto__ key', { ...JSON.parse('{"__proto__":{"x":1}}'), ...tenantConfig }],
    ],
  },
  {
    name: 'passwordRulesSchema',
    schema: passwordRulesSchema,
    valid: [
      { minLength: 8, maxLength: 128 },
      { minLength: 15, maxLength: 128 },
      { minLength: 128, maxLength: 128 },
    ],
    invalid: [
      ['minLength 7', { minLength: 7, maxLength: 128 }],
      ['minLength 129', { minLength: 129, maxLength: 128 }],
      ['maxLength 129', { minLength: 15, maxLength: 129 }],
      ['minLength as a string', { minLength: '15', maxLength: 128 }],
      ['missing maxLength', { minLength: 15 }],
      ['extra key', { minLength: 15, maxLength: 128, requireDigit: true }],
    ],
  },
  {
    name: 'signInResponseSchema',
    schema: signInResponseSchema,
    valid: [
      { status: 'signed-in' },
      { status: 'confirm-email', flowId, email: 'ada@contoso.example' },
      { status: 'confirm-email', flowId: 'a'.repeat(128), email: 'a@b' },
      { status: 'confirm-email', flowId, email: emailOfLength(maxEmailLength) },
    ],
    invalid: [
      ['another status', { status: 'verified' }],
      ['missing status', {}],
      ['extra key', { status: 'signed-in', token: 'x' }],
      ['__proto__ key', JSON.parse('{"__proto__":{"x":1},"status":"signed-in"}')],
      ['signed-in with a flow', { status: 'signed-in', flowId }],
      ['signed-in with an email', { status: 'signed-in', email: 'ada@contoso.example' }],
      ['confirm-email without a flow', { status: 'confirm-email', email: 'ada@contoso.example' }],
      ['confirm-email without an email', { status: 'confirm-email', flowId }],
      [
        'confirm-email with a short flowId',
        { status: 'confirm-email', flowId: 'a'.repeat(15), email: 'ada@contoso.example' },
      ],
      [
        'confirm-email with a flowId with a slash',
        { status: 'confirm-email', flowId: `${flowId}/x`, email: 'ada@contoso.example' },
      ],
      ['confirm-email with an empty email', { status: 'confirm-email', flowId, email: '' }],
      [
        'confirm-email with an email over 254',
        { status: 'confirm-email', flowId, email: emailOfLength(maxEmailLength + 1) },
      ],
      ['confirm-email with a numeric email', { status: 'confirm-email', flowId, email: 1234567 }],
      [
        'confirm-email with a code',
        { status: 'confirm-email', flowId, email: 'ada@contoso.example', code: '123456' },
      ],
      [
        '__proto__ key on confirm-email',
        JSON.parse(
          `{"__proto__":{"x":1},"status":"confirm-email","flowId":"${flowId}","email":"a@b.c"}`,
        ),
      ],
    ],
  },
  {
    name: 'resetStartResponseSchema',
    schema: resetStartResponseSchema,
    valid: [
      { flowId, resendAfter: 30 },
      { flowId: 'a'.repeat(16), resendAfter: 0 },
      { flowId: 'a'.repeat(128), resendAfter: 30 },
    ],
    invalid: [
      ['missing flowId', { resendAfter: 30 }],
      ['missing resendAfter', { flowId }],
      ['flowId of 15', { flowId: 'a'.repeat(15), resendAfter: 30 }],
      ['flowId of 129', { flowId: 'a'.repeat(129), resendAfter: 30 }],
      ['flowId with a slash', { flowId: `${flowId}/x`, resendAfter: 30 }],
      ['flowId with dots', { flowId: `..${flowId}`, resendAfter: 30 }],
      ['flowId with a percent', { flowId: `${flowId}%2e`, resendAfter: 30 }],
      ['numeric flowId', { flowId: 1234567890123456, resendAfter: 30 }],
      ['negative resendAfter', { flowId, resendAfter: -1 }],
      ['fractional resendAfter', { flowId, resendAfter: 1.5 }],
      ['resendAfter as a string', { flowId, resendAfter: '30' }],
      ['extra key', { flowId, resendAfter: 30, accountExists: true }],
      ['__proto__ key', JSON.parse(`{"__proto__":{"x":1},"flowId":"${flowId}","resendAfter":30}`)],
    ],
  },
  {
    name: 'resetStatusResponseSchema',
    schema: resetStatusResponseSchema,
    valid: [
      { verified: false, resendAfter: 30 },
      { verified: true, resendAfter: 0 },
      { verified: false, resendAfter: 0 },
    ],
    invalid: [
      ['missing verified', { resendAfter: 30 }],
      ['missing resendAfter', { verified: false }],
      ['verified as a string', { verified: 'false', resendAfter: 30 }],
      ['verified as a number', { verified: 0, resendAfter: 30 }],
      ['negative resendAfter', { verified: false, resendAfter: -1 }],
      ['fractional resendAfter', { verified: false, resendAfter: 2.5 }],
      ['resendAfter as a string', { verified: false, resendAfter: '30' }],
      ['the email of the flow', { verified: false, resendAfter: 30, email: 'a@b.c' }],
      ['whether the account exists', { verified: false, resendAfter: 30, accountExists: true }],
      ['__proto__ key', JSON.parse('{"__proto__":{"x":1},"verified":false,"resendAfter":30}')],
    ],
  },
  {
    name: 'resetResendResponseSchema',
    schema: resetResendResponseSchema,
    valid: [{ resendAfter: 30 }, { resendAfter: 0 }],
    invalid: [
      ['missing resendAfter', {}],
      ['negative resendAfter', { resendAfter: -30 }],
      ['infinite resendAfter', { resendAfter: Infinity }],
      ['extra key', { resendAfter: 30, flowId }],
    ],
  },
  {
    name: 'resetVerifyResponseSchema',
    schema: resetVerifyResponseSchema,
    valid: [{ status: 'verified' }],
    invalid: [
      ['another status', { status: 'signed-in' }],
      ['extra key', { status: 'verified', code: '123456' }],
    ],
  },
  {
    name: 'resetPasswordResponseSchema',
    schema: resetPasswordResponseSchema,
    valid: [{ status: 'password-changed' }],
    invalid: [
      ['another status', { status: 'verified' }],
      ['extra key', { status: 'password-changed', signedIn: true }],
    ],
  },
  {
    name: 'emailConfirmSendResponseSchema',
    schema: emailConfirmSendResponseSchema,
    valid: [{ resendAfter: 30 }, { resendAfter: 0 }],
    invalid: [
      ['missing resendAfter', {}],
      ['negative resendAfter', { resendAfter: -30 }],
      ['fractional resendAfter', { resendAfter: 0.5 }],
      ['extra key', { resendAfter: 30, code: '123456' }],
    ],
  },
  {
    name: 'emailConfirmVerifyResponseSchema',
    schema: emailConfirmVerifyResponseSchema,
    valid: [{ status: 'signed-in' }],
    invalid: [
      ['a reset status', { status: 'verified' }],
      ['confirm-email again', { status: 'confirm-email', flowId, email: 'a@b.c' }],
      ['missing status', {}],
      ['extra key', { status: 'signed-in', token: 'x' }],
    ],
  },
] as const satisfies readonly SchemaCase[];

/** One well-formed body per error code; the type makes a new code fail to compile here. */
const errorExamples = {
  invalid_request: { error: 'invalid_request' },
  unsupported_media_type: { error: 'unsupported_media_type' },
  payload_too_large: { error: 'payload_too_large' },
  invalid_credentials: { error: 'invalid_credentials' },
  code_rejected: { error: 'code_rejected', attemptsLeft: 3 },
  password_rejected: { error: 'password_rejected', reasons: ['too_short'] },
  flow_not_found: { error: 'flow_not_found' },
  step_not_allowed: { error: 'step_not_allowed' },
  tenant_not_found: { error: 'tenant_not_found' },
  not_found: { error: 'not_found' },
  method_not_allowed: { error: 'method_not_allowed' },
  forbidden: { error: 'forbidden' },
  session_required: { error: 'session_required' },
  too_many_requests: { error: 'too_many_requests', retryAfter: 60 },
  service_unavailable: { error: 'service_unavailable' },
} as const satisfies { [C in ErrorCode]: Extract<ErrorBody, { error: C }> };

const errorCodes = Object.keys(errorStatus) as ErrorCode[];

const validErrorBodies = [
  { error: 'code_rejected', attemptsLeft: 0 },
  { error: 'code_rejected', attemptsLeft: 4 },
  { error: 'password_rejected', reasons: [...passwordProblems] },
  { error: 'password_rejected', reasons: ['context'] },
  { error: 'too_many_requests', retryAfter: 0 },
] as const;

const invalidErrorBodies = [
  ['an unknown code', { error: 'account_locked' }],
  ['a code in another case', { error: 'INVALID_REQUEST' }],
  ['a client-side failure name', { error: 'network' }],
  ['a malformed_response', { error: 'malformed_response' }],
  ['a route failure', { error: 'page_not_found' }],
  ['a redirect failure', { error: 'redirect_not_allowed' }],
  [
    'unsupported_media_type with the type it got',
    { error: 'unsupported_media_type', got: 'text/plain' },
  ],
  ['payload_too_large with a limit', { error: 'payload_too_large', limit: 16384 }],
  ['an inherited property name', { error: 'toString' }],
  ['__proto__ as the code', { error: '__proto__' }],
  ['no code', {}],
  ['a numeric code', { error: 400 }],
  ['an extra field', { error: 'invalid_request', detail: 'email is wrong' }],
  ['a hint that the account exists', { error: 'invalid_credentials', locked: true }],
  ['a message field', { error: 'service_unavailable', message: '<b>down</b>' }],
  ['code_rejected without attemptsLeft', { error: 'code_rejected' }],
  ['negative attemptsLeft', { error: 'code_rejected', attemptsLeft: -1 }],
  ['fractional attemptsLeft', { error: 'code_rejected', attemptsLeft: 2.5 }],
  ['attemptsLeft as a string', { error: 'code_rejected', attemptsLeft: '3' }],
  ['password_rejected without reasons', { error: 'password_rejected' }],
  ['password_rejected with no reasons', { error: 'password_rejected', reasons: [] }],
  ['an unknown reason', { error: 'password_rejected', reasons: ['no_digit'] }],
  ['reasons as a string', { error: 'password_rejected', reasons: 'too_short' }],
  ['too_many_requests without retryAfter', { error: 'too_many_requests' }],
  ['negative retryAfter', { error: 'too_many_requests', retryAfter: -5 }],
  ['a field of another code', { error: 'invalid_credentials', attemptsLeft: 3 }],
  ['__proto__ key', JSON.parse('{"__proto__":{"x":1},"error":"invalid_request"}')],
] as const;

const pathCases = [
  ['config', endpoints.config.path, { tenant: 'contoso' }, '/tenants/contoso/config'],
  ['sign-in', endpoints.signIn.path, { tenant: 'contoso' }, '/tenants/contoso/sign-in'],
  [
    'reset start',
    endpoints.resetStart.path,
    { tenant: 'contoso' },
    '/tenants/contoso/password-reset',
  ],
  [
    'reset status',
    endpoints.resetStatus.path,
    { tenant: 'contoso', flowId },
    `/tenants/contoso/password-reset/${flowId}`,
  ],
  [
    'resend',
    endpoints.resetResend.path,
    { tenant: 'contoso', flowId },
    `/tenants/contoso/password-reset/${flowId}/resend`,
  ],
  [
    'verify',
    endpoints.resetVerify.path,
    { tenant: 'contoso', flowId },
    `/tenants/contoso/password-reset/${flowId}/verify`,
  ],
  [
    'password',
    endpoints.resetPassword.path,
    { tenant: 'contoso', flowId },
    `/tenants/contoso/password-reset/${flowId}/password`,
  ],
  [
    'email confirmation send',
    endpoints.emailConfirmSend.path,
    { tenant: 'contoso', flowId },
    `/tenants/contoso/email-confirmation/${flowId}/send`,
  ],
  [
    'email confirmation verify',
    endpoints.emailConfirmVerify.path,
    { tenant: 'contoso', flowId },
    `/tenants/contoso/email-confirmation/${flowId}/verify`,
  ],
  [
    'a flow id climbing out of the email confirmation',
    endpoints.emailConfirmVerify.path,
    { tenant: 'contoso', flowId: '../../password-reset/x' },
    '/tenants/contoso/email-confirmation/..%2F..%2Fpassword-reset%2Fx/verify',
  ],
  [
    'a flow id with slashes',
    endpoints.resetVerify.path,
    { tenant: 'contoso', flowId: 'a/b/c' },
    '/tenants/contoso/password-reset/a%2Fb%2Fc/verify',
  ],
  [
    'a flow id climbing with ../',
    endpoints.resetVerify.path,
    { tenant: 'contoso', flowId: '../../../admin' },
    '/tenants/contoso/password-reset/..%2F..%2F..%2Fadmin/verify',
  ],
  [
    'a flow id with a backslash',
    endpoints.resetVerify.path,
    { tenant: 'contoso', flowId: '..\\..\\admin' },
    '/tenants/contoso/password-reset/..%5C..%5Cadmin/verify',
  ],
  [
    'a flow id with an encoded dot segment',
    endpoints.resetVerify.path,
    { tenant: 'contoso', flowId: '%2e%2e' },
    '/tenants/contoso/password-reset/%252e%252e/verify',
  ],
  [
    'a flow id with a query and fragment',
    endpoints.resetVerify.path,
    { tenant: 'contoso', flowId: 'x?admin=1#y' },
    '/tenants/contoso/password-reset/x%3Fadmin%3D1%23y/verify',
  ],
  [
    'a tenant with a slash',
    endpoints.config.path,
    { tenant: 'contoso/../fabrikam' },
    '/tenants/contoso%2F..%2Ffabrikam/config',
  ],
] as const;

/** Values that the URL parser would treat as a dot segment and remove. */
const dotSegments = ['.', '..'] as const;

/** The path a browser would request for `path`, after its URL parser has had its way. */
const resolved = (path: string) => new URL(path, 'https://id.example').pathname;

describe('api/contract', () => {
  it('fixes the constants the pages and the server share', () => {
    expect(maxEmailLength).to.equal(254);
    expect(codeLength).to.equal(6);
    expect(maxPasswordInput).to.be.greaterThan(128);
  });

  for (const { name, schema, valid, invalid } of [...requestCases, ...responseCases]) {
    describe(name, () => {
      for (const body of valid) {
        it(`accepts ${JSON.stringify(body).slice(0, 80)}`, () => {
          expect(schema.safeParse(body).success).to.equal(true);
        });
      }
      for (const [label, body] of [...invalid, ...notObjects]) {
        it(`refuses ${label}`, () => {
          expect(schema.safeParse(body).success).to.equal(false);
        });
      }

      it('refuses every valid body with one unknown key added', () => {
        for (const body of valid) {
          const extended = { ...(body as object), unexpected: true };
          expect(schema.safeParse(extended).success, JSON.stringify(body)).to.equal(false);
        }
      });
    });
  }

  it('refuses a NUL or a lone surrogate anywhere in any string field of any request', () => {
    const bad = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff');
    for (const { name, schema, valid } of requestCases) {
      for (const body of valid as readonly Record<string, unknown>[]) {
        for (const [field, value] of Object.entries(body)) {
          if (typeof value !== 'string') continue;
          fc.assert(
            fc.property(bad, fc.nat(value.length), (char, at) => {
              const spoiled = { ...body, [field]: value.slice(0, at) + char + value.slice(at) };
              expect(schema.safeParse(spoiled).success, `${name}.${field}`).to.equal(false);
            }),
          );
        }
      }
    }
  });

  describe('resetStartRequestSchema lengths', () => {
    for (const length of [253, 254] as const) {
      it(`accepts an address of ${length} characters`, () => {
        expect(emailOfLength(length)).to.have.length(length);
        expect(
          resetStartRequestSchema.safeParse({ email: emailOfLength(length) }).success,
        ).to.equal(true);
      });
    }
  });

  describe('errorBodySchema', () => {
    it('has one example per code in errorStatus', () => {
      expect(Object.keys(errorExamples).sort()).to.deep.equal([...errorCodes].sort());
    });

    for (const code of errorCodes) {
      it(`parses ${code} (HTTP ${errorStatus[code]}) with its fields`, () => {
        const parsed = errorBodySchema.safeParse(errorExamples[code]);
        expect(parsed.success).to.equal(true);
        expect(parsed.data).to.deep.equal(errorExamples[code]);
        expect(errorStatus[code]).to.be.within(400, 599);
      });

      it(`refuses ${code} with an extra field`, () => {
        expect(errorBodySchema.safeParse({ ...errorExamples[code], extra: 1 }).success).to.equal(
          false,
        );
      });
    }

    for (const body of validErrorBodies) {
      it(`parses ${JSON.stringify(body)}`, () => {
        expect(errorBodySchema.safeParse(body).success).to.equal(true);
      });
    }

    for (const [label, body] of [...invalidErrorBodies, ...notObjects]) {
      it(`refuses ${label}`, () => {
        expect(errorBodySchema.safeParse(body).success).to.equal(false);
      });
    }

    for (const [code, status] of [
      ['unsupported_media_type', 415],
      ['payload_too_large', 413],
    ] as const) {
      it(`answers ${code} with HTTP ${status} (docs/security.md#rule-23)`, () => {
        expect(errorStatus[code]).to.equal(status);
      });
    }

    it('gives 5xx only to service_unavailable', () => {
      const serverSide = errorCodes.filter((code) => errorStatus[code] >= 500);
      expect(serverSide).to.deep.equal(['service_unavailable']);
    });
  });

  describe('endpoints', () => {
    it('gives every endpoint its own method and path', () => {
      const keys = Object.values(endpoints).map(({ method, path }) => `${method} ${path}`);
      expect(new Set(keys).size).to.equal(keys.length);
    });

    it('names only schemas the contract exports, a request for every POST and none for a GET', () => {
      for (const endpoint of Object.values<Endpoint>(endpoints)) {
        expect(contract[endpoint.response], endpoint.path).to.have.property('safeParse');
        if (endpoint.method === 'GET') expect(endpoint.request, endpoint.path).to.equal(undefined);
        else expect(contract[endpoint.request!], endpoint.path).to.have.property('safeParse');
      }
    });

    it('keeps every path parameter to tenant and flowId', () => {
      for (const { path: route } of Object.values<Endpoint>(endpoints)) {
        const names = [...route.matchAll(/:(\w+)/g)].map((match) => match[1]);
        expect(names[0], route).to.equal('tenant');
        expect(
          names.slice(1).every((name) => name === 'flowId'),
          route,
        ).to.equal(true);
      }
    });
  });

  describe('endpointPath', () => {
    for (const [label, route, params, expected] of pathCases) {
      it(`fills in ${label}`, () => {
        const path = endpointPath(route, params);
        expect(path).to.equal(expected);
        expect(resolved(path)).to.equal(expected);
      });
    }

    for (const value of dotSegments) {
      it(`refuses a flow id of '${value}' rather than let it leave its segment`, () => {
        expect(() =>
          endpointPath(endpoints.resetVerify.path, { tenant: 'contoso', flowId: value }),
        ).to.throw();
      });

      it(`refuses a tenant of '${value}' rather than let it leave its segment`, () => {
        expect(() => endpointPath(endpoints.config.path, { tenant: value })).to.throw();
      });
    }

    it('keeps any other flow id inside its own segment', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', minLength: 1 }),
            fc.stringMatching(/^[./\\%2eE]{1,8}$/),
          ),
          (value) => {
            fc.pre(!(dotSegments as readonly string[]).includes(value));
            const segments = resolved(
              endpointPath(endpoints.resetVerify.path, { tenant: 'contoso', flowId: value }),
            ).split('/');
            expect(segments).to.have.length(6);
            expect(segments.slice(0, 4)).to.deep.equal([
              '',
              'tenants',
              'contoso',
              'password-reset',
            ]);
            expect(decodeURIComponent(segments[4]!)).to.equal(value);
            expect(segments[5]).to.equal('verify');
          },
        ),
      );
    });
  });
});
