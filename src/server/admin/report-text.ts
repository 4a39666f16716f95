/**
 * `admin report` on a terminal: a table of the daily series, each with its total and a sparkline
 * of its days, then recovery-email coverage by group with a bar, then the top failure reasons.
 */
import { table } from './admin-output.js';
import type { ReportData, SeriesName } from './report-data.js';

export const seriesLabels: Record<SeriesName, string> = {
  resetsStarted: 'resets started',
  codesVerified: 'code verified',
  resetsCompleted: 'resets completed',
  signInFailures: 'sign-in failures',
  lockouts: 'lockouts',
};

const levels = '▂▃▄▅▆▇█';

/** One character a day: ▁ for none, ▂ to █ for the rest scaled to the largest; blank for no value. */
export function sparkline(values: readonly (number | null)[]): string {
  const max = Math.max(0, ...values.map((value) => value ?? 0));
  return values
    .map((value) => {
      if (value === null) return ' ';
      if (value === 0 || max === 0) return '▁';
      return levels[Math.min(levels.length - 1, Math.ceil((value / max) * levels.length) - 1)]!;
    })
    .join('');
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Completed of started, in whole percent; null when nothing started. */
export const successRate = (completed: number, started: number) =>
  started === 0 ? null : Math.round((100 * Math.min(completed, started)) / started);

/** The success rate of each day (null on days without a start). */
export function dailySuccess(data: ReportData): (number | null)[] {
  return data.days.map((_, day) =>
    successRate(data.series.resetsCompleted[day]!, data.series.resetsStarted[day]!),
  );
}

export const groupLabel = (group: string | null) =>
  group === null ? '(all users)' : group === '' ? '(in no group)' : group;

export const share = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((100 * part) / whole);

export function reportLines(data: ReportData): string[] {
  const { days, series } = data;
  const period = `${days[0]} to ${days[days.length - 1]} (${days.length} days, ${data.timeZone})`;
  const rate = successRate(sum(series.resetsCompleted), sum(series.resetsStarted));
  const rows = [
    ['', 'total', `per day, ${days[0]} → ${days[days.length - 1]}`],
    ...(['resetsStarted', 'codesVerified', 'resetsCompleted'] as const).map((name) => [
      seriesLabels[name],
      String(sum(series[name])),
      sparkline(series[name]),
    ]),
    ['success rate', rate === null ? '-' : `${rate} %`, sparkline(dailySuccess(data))],
    ...(['signInFailures', 'lockouts'] as const).map((name) => [
      seriesLabels[name],
      String(sum(series[name])),
      sparkline(series[name]),
    ]),
  ];
  const coverage = [
    ['group', 'users', 'verified', 'share', ''],
    ...data.coverage.map(({ group, users, verified }) => {
      const percent = share(verified, users);
      const filled = Math.round(percent / 10);
      return [
        groupLabel(group),
        String(users),
        String(verified),
        `${percent} %`,
        '█'.repeat(filled) + '░'.repeat(10 - filled),
      ];
    }),
  ];
  const reasons =
    data.reasons.length === 0
      ? ['  none']
      : table(data.reasons.map(({ text, count }) => [String(count).padStart(6), text])).map(
          (line) => `  ${line}`,
        );
  return [
    `Report for ${data.tenant}, ${period}`,
    '',
    'Password resets and sign-ins',
    ...table(rows).map((line) => `  ${line}`),
    '',
    'Registration: users with a verified recovery email',
    ...table(coverage).map((line) => `  ${line}`),
    '',
    'Top failure reasons',
    ...reasons,
  ];
}
