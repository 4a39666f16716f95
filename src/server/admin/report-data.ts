/**
 * The numbers of `admin report`, gathered where the storage is (report-command.ts shows them):
 * recovery-email coverage by group, the reset funnel and sign-in trouble per day in the tenant's
 * time zone, failures by reason, and, for the CSV export, the tenant's audit trail.
 */
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { AuditEvent } from '../store/audit.js';
import {
  auditTrail,
  coverageByGroup,
  dailyEventCounts,
  failureReasons,
  failureReasonText,
  type GroupCoverage,
} from '../store/report-queries.js';
import type { AdminDeps, AdminResult } from './admin-request.schema.js';
import { trailRow } from './audit-trail.js';

/** The series of the report, each one count per day, and the event each counts. */
export const seriesEvents = {
  resetsStarted: 'reset_started',
  codesVerified: 'code_verified',
  resetsCompleted: 'password_set',
  signInFailures: 'sign_in_failed',
  lockouts: 'account_locked',
} as const satisfies Record<string, AuditEvent>;
export type SeriesName = keyof typeof seriesEvents;

export interface ReportData {
  tenant: string;
  timeZone: string;
  /** The report's days, oldest first, as YYYY-MM-DD in the tenant's time zone. */
  days: string[];
  series: Record<SeriesName, number[]>;
  coverage: GroupCoverage[];
  reasons: { reason: string; text: string; count: number }[];
  trail?: ReturnType<typeof trailRow>[];
}

const dayMs = 86_400_000;

/** YYYY-MM-DD of `at` in `timeZone`. */
export function dayIn(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The `count` days up to today, oldest first. */
export function lastDays(now: number, count: number, timeZone: string): string[] {
  const today = dayIn(now, timeZone);
  const base = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(base - (count - 1 - index) * dayMs).toISOString().slice(0, 10),
  );
}

export async function reportData(
  deps: AdminDeps,
  tenant: Tenant,
  request: { days: number; trail: boolean },
  now: Date,
): Promise<AdminResult> {
  const timeZone = tenant.timeZone ?? 'UTC';
  const days = lastDays(now.getTime(), request.days, timeZone);
  // A day early, so the first day's start is in whatever the zone's offset.
  const range = {
    since: new Date(Date.parse(`${days[0]}T00:00:00Z`) - dayMs),
    timeZone,
    firstDay: days[0]!,
  };
  const index = new Map(days.map((day, position) => [day, position]));
  const series = Object.fromEntries(
    Object.keys(seriesEvents).map((name) => [name, days.map(() => 0)]),
  ) as Record<SeriesName, number[]>;
  const names = new Map(
    Object.entries(seriesEvents).map(([name, event]) => [event as AuditEvent, name as SeriesName]),
  );
  const counts = await dailyEventCounts(deps.db, tenant.id, range, Object.values(seriesEvents));
  for (const { day, event, count } of counts) {
    const position = index.get(day);
    const name = names.get(event);
    if (position !== undefined && name !== undefined) series[name][position] = count;
  }
  const data: ReportData = {
    tenant: tenant.id,
    timeZone,
    days,
    series,
    coverage: await coverageByGroup(deps.db, tenant.id),
    reasons: (await failureReasons(deps.db, tenant.id, range)).map(({ reason, count }) => ({
      reason,
      text: failureReasonText[reason],
      count,
    })),
    ...(request.trail
      ? {
          trail: (await auditTrail(deps.db, tenant.id, range)).map(trailRow),
        }
      : {}),
  };
  return { ok: true, lines: [], data };
}
