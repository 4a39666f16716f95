/**
 * `admin report` on the command line: the numbers come from where the storage is
 * (report-data.ts); the table goes to stdout, and the HTML file and CSV files are written here.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TenantRegistry } from '../tenants.js';
import { maxReportDays, type AdminRequest, type AdminResult } from './admin-request.schema.js';
import { writeReportCsv } from './report-csv.js';
import type { ReportData } from './report-data.js';
import { reportHtml } from './report-html.js';
import { reportLines } from './report-text.js';

export interface ReportOptions {
  tenant: string;
  days: number;
  html: string | undefined;
  csv: string | undefined;
}

export function parseReportArgs(argv: string[], tenants: TenantRegistry): ReportOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      tenant: { type: 'string' },
      days: { type: 'string' },
      html: { type: 'string' },
      csv: { type: 'string' },
    },
  });
  if (!tenants.has(values.tenant ?? '')) {
    throw new Error(`--tenant must be one of: ${[...tenants.keys()].join(', ')}`);
  }
  const days = values.days === undefined ? 30 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > maxReportDays) {
    throw new Error(`--days must be a whole number of days from 1 to ${maxReportDays}`);
  }
  return { tenant: values.tenant!, days, html: values.html, csv: values.csv };
}

export async function runReport(
  options: ReportOptions,
  run: (request: AdminRequest) => Promise<AdminResult>,
): Promise<string[]> {
  const result = await run({
    command: 'report',
    tenant: options.tenant,
    days: options.days,
    // The whole trail only when it is exported.
    trail: options.csv !== undefined,
  });
  if (!result.ok) throw new Error(result.error);
  const data = result.data as ReportData;
  const lines = reportLines(data);
  if (options.html !== undefined) {
    const path = resolve(options.html);
    await writeFile(path, reportHtml(data, new Date()));
    lines.push('', `HTML report: ${path}`);
  }
  if (options.csv !== undefined) {
    const written = await writeReportCsv(data, resolve(options.csv));
    lines.push('', `CSV files: ${written.join(', ')}`);
  }
  return lines;
}
