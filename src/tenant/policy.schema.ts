/** A policy file's shape, apart from flow/policy-steps.ts (the steps of each kind), which the first load uses without zod. */
import * as z from 'zod/mini';
import { policyIdPattern } from './ids.js';

/** A flow a tenant offers at `/{tenant}/{policy id}`. */
export const policySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: z.string().check(z.regex(policyIdPattern)),
    kind: z.literal('sign-in'),
    /** Offer "Can't access your account?" (shown only where the tenant's reset switch allows). */
    resetLink: z.boolean(),
    /**
     * After a failed sign-in, offer "Set your password": the way in for users imported without a
     * password or marked must-reset (docs/operators.md#must-reset-users). Needs the reset link.
     */
    passwordSetup: z.optional(z.boolean()),
  }),
  z.strictObject({
    id: z.string().check(z.regex(policyIdPattern)),
    kind: z.literal('password-reset'),
  }),
  /** A signed-in user changes their password (signing in first when not signed in). */
  z.strictObject({
    id: z.string().check(z.regex(policyIdPattern)),
    kind: z.literal('password-change'),
  }),
]);
export type Policy = z.infer<typeof policySchema>;
