/**
 * `admin report --csv <dir>`: the report as four CSV files (columns in
 * docs/operators.md#report-files). A cell that a spreadsheet would run as a formula is written
 * with a leading apostrophe.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportData } from './report-data.js';
import { dailySuccess, groupLabel, share } from './report-text.js';

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csv = (rows: (string | number | null)[][]) =>
  rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';

export const reportFiles = {
  series: 'series.csv',
  coverage: 'coverage.csv',
  reasons: 'failure-reasons.csv',
  trail: 'audit-trail.csv',
} as const;

export async function writeReportCsv(data: ReportData, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const success = dailySuccess(data);
  const files: [string, (string | number | null)[][]][] = [
    [
      reportFiles.series,
      [
        [
          'date',
          'resets_started',
          'codes_verified',
          'resets_completed',
          'success_rate_percent',
          'sign_in_failures',
          'lockouts',
        ],
        ...data.days.map((day, index) => [
          day,
          data.series.resetsStarted[index]!,
          data.series.codesVerified[index]!,
          data.series.resetsCompleted[index]!,
          success[index]!,
          data.series.signInFailures[index]!,
          data.series.lockouts[index]!,
        ]),
      ],
    ],
    [
      reportFiles.coverage,
      [
        ['group', 'users', 'verified', 'share_percent'],
        ...data.coverage.map(({ group, users, verified }) => [
          groupLabel(group),
          users,
          verified,
          share(verified, users),
        ]),
      ],
    ],
    [
      reportFiles.reasons,
      [['reason', 'description', 'count'], ...data.reasons.map((r) => [r.reason, r.text, r.count])],
    ],
    [
      reportFiles.trail,
      [
        ['at', 'email', 'event', 'what', 'result', 'ip'],
        ...(data.trail ?? []).map((row) => [
          row.at,
          row.email,
          row.event,
          row.what,
          row.result,
          row.ip,
        ]),
      ],
    ],
  ];
  const written: string[] = [];
  for (const [name, rows] of files) {
    const path = join(dir, name);
    await writeFile(path, csv(rows));
    written.push(path);
  }
  return written;
}
