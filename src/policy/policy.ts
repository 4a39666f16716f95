/**
 * Policies: the flows a tenant offers, as data. A policy names its kind and the settings that
 * change its pages; `policySteps` says which steps it has.
 */
import * as z from 'zod/mini';

export const policyIdPattern = /^[A-Za-z0-9_]{1,64}$/;

export const policyKinds = ['sign-in', 'password-reset'] as const;
export type PolicyKind = (typeof policyKinds)[number];

/** A flow a tenant offers at `/{tenant}/{policy id}`. */
export const policySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: z.string().check(z.regex(policyIdPattern)),
    kind: z.literal('sign-in'),
    /** Offer "Can't access your account?" (shown only where the tenant's reset switch allows). */
    resetLink: z.boolean(),
  }),
  z.strictObject({
    id: z.string().check(z.regex(policyIdPattern)),
    kind: z.literal('password-reset'),
  }),
]);
export type Policy = z.infer<typeof policySchema>;

/** Every step a URL can name. */
export const urlSteps = [
  'sign-in',
  'confirm-email',
  'confirm-code',
  'signed-in',
  'reset-email',
  'reset-code',
  'new-password',
  'reset-done',
  'reset-unavailable',
] as const;
export type UrlStep = (typeof urlSteps)[number];

const resetSteps = ['reset-email', 'reset-code', 'new-password', 'reset-done'] as const;

/** The steps a policy has, first step first, given whether the tenant lets users reset. */
export function policySteps(policy: Policy, resetAllowed: boolean): readonly UrlStep[] {
  switch (policy.kind) {
    case 'sign-in':
      return [
        'sign-in',
        'confirm-email',
        'confirm-code',
        'signed-in',
        ...(policy.resetLink && resetAllowed ? resetSteps : []),
      ];
    case 'password-reset':
      return resetAllowed ? resetSteps : ['reset-unavailable'];
    default:
      return assertNever(policy);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
