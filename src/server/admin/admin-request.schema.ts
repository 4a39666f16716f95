/**
 * An admin command as the CLI sends it (to the server's loopback endpoint, or to a database of
 * its own) and its answer: zod schemas, since the endpoint reads requests from outside.
 */
import * as z from 'zod';
import type { Clock } from '../clock.js';
import type { Database } from '../database/database.js';
import type { Mailer } from '../mail/mailer.js';
import { rolloutTemplates } from '../store/rollout-sends.js';
import { scryptParamsSchema } from '../security/password-hash.js';
import type { TenantRegistry } from '../tenants.js';
import { groupPattern } from './import-rows.js';

const tenant = z.string().min(1);
/** Rows per import transaction: a crash loses at most one batch's work, which a rerun redoes. */
export const importBatchSize = 500;
const email = z.string().min(1);
/** The most recipients one rollout request queues: `--rate` is at most this per second. */
export const rolloutBatchMax = 500;
export const maxReportDays = 366;

export const adminRequestSchema = z.discriminatedUnion('command', [
  z.strictObject({
    command: z.literal('user-add'),
    tenant,
    email,
    password: z.string().min(1).max(1024),
    groups: z.array(z.string().min(1).max(100)).max(50),
  }),
  /** One batch of an import, checked row by row by the CLI (import-rows.ts); one transaction. */
  z.strictObject({
    command: z.literal('user-import'),
    tenant,
    dryRun: z.boolean(),
    users: z
      .array(
        z.strictObject({
          email,
          recoveryEmail: z.nullable(z.string().min(3).max(254)),
          password: z.nullable(
            z.strictObject({
              hash: z.string().min(1),
              salt: z.string().min(1),
              params: scryptParamsSchema,
            }),
          ),
          groups: z.array(z.string().min(1).max(100)).max(50),
          emailVerified: z.boolean(),
          displayName: z.nullable(z.string().max(100)),
          locale: z.nullable(z.string().max(35)),
        }),
      )
      .max(importBatchSize),
  }),
  z.strictObject({ command: z.literal('user-list'), tenant }),
  z.strictObject({ command: z.literal('user-show'), tenant, email }),
  z.strictObject({
    command: z.literal('user-update'),
    tenant,
    email,
    addGroups: z.array(z.string().regex(groupPattern)).max(50),
    removeGroups: z.array(z.string().min(1).max(100)).max(50),
    recoveryEmail: z.optional(z.string().min(1)),
    recoveryEmailVerified: z.boolean(),
    requireReset: z.boolean(),
  }),
  z.strictObject({ command: z.literal('user-unlock'), tenant, email }),
  z.strictObject({ command: z.literal('user-sessions-revoke'), tenant, email }),
  z.strictObject({ command: z.literal('user-remove'), tenant, email }),
  z.strictObject({ command: z.literal('audit'), tenant, since: z.optional(z.string()) }),
  z.strictObject({ command: z.literal('audit-user'), tenant, email }),
  /** The report's numbers over the last `days` days; with `trail`, every audit event in them. */
  z.strictObject({
    command: z.literal('report'),
    tenant,
    days: z.int().min(1).max(maxReportDays),
    trail: z.boolean(),
  }),
  z.strictObject({ command: z.literal('mail-dead-letters'), tenant }),
  /** Who a rollout email would go to, by language, and how many already have it. */
  z.strictObject({
    command: z.literal('rollout-plan'),
    tenant,
    template: z.enum(rolloutTemplates),
    group: z.optional(z.string().min(1).max(100)),
  }),
  /** Queues the next `limit` unsent recipients (0: only the counts); one transaction. */
  z.strictObject({
    command: z.literal('rollout-queue'),
    tenant,
    template: z.enum(rolloutTemplates),
    group: z.optional(z.string().min(1).max(100)),
    limit: z.int().min(0).max(rolloutBatchMax),
  }),
  z.strictObject({ command: z.literal('keys-list') }),
  z.strictObject({ command: z.literal('keys-rotate') }),
]);
export type AdminRequest = z.infer<typeof adminRequestSchema>;

export const adminResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    lines: z.array(z.string()),
    /** The same answer for scripts (`--json`) and for the CLI's own loops. */
    data: z.optional(z.unknown()),
  }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type AdminResult = z.infer<typeof adminResultSchema>;

export interface AdminDeps {
  db: Database;
  tenants: TenantRegistry;
  clock: Clock;
  /** Queues email; the rollout needs it, the other commands do not. */
  mailer?: Pick<Mailer, 'queued' | 'wake'>;
}
