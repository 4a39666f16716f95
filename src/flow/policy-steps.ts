/**
 * Policies: the flows a tenant offers, as data. A policy names its kind and the settings that
 * change its pages (tenant/policy.schema.ts); `policySteps` says which steps it has.
 */
import type { Policy } from '../tenant/policy.schema.js';

export type { Policy };

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
  'change-password',
  'password-changed',
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
    case 'password-change':
      return ['sign-in', 'confirm-email', 'confirm-code', 'change-password', 'password-changed'];
    default:
      return assertNever(policy);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
