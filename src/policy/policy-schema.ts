/** A policy file's shape, apart from policy.ts so that the first-load script does not carry zod. */
import * as z from 'zod/mini';
import { policyIdPattern } from './policy.js';

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
