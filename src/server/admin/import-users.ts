/**
 * `admin user import`: streams the file, checks each record (import-rows.ts), and hands the good
 * ones to the store in batches, each batch one transaction. A bad record is named by line and
 * field and the rest still go in; a user already there is skipped, so a rerun (after a crash,
 * say) adds exactly what is missing.
 */
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { ImportedUser } from '../store/user-import.js';
import { importBatchSize, type AdminRequest, type AdminResult } from './admin-request.schema.js';
import { readRecords, type ImportFormat } from './import-file.js';
import { checkImportRow, unknownColumns, type FieldProblem } from './import-rows.js';

export interface ImportProgress {
  /** Called after each batch: bytes of the file read, rows seen so far. */
  update(state: ImportCounts): void;
  /** Called once at the end with the final counts. */
  done(state: ImportCounts): void;
}

interface ImportCounts {
  bytes: number;
  rows: number;
  added: number;
  skipped: number;
  refused: number;
}

export interface ImportSummary {
  added: number;
  skipped: number;
  refused: { line: number; problems: FieldProblem[] }[];
}

export async function importFile(options: {
  file: string;
  format: ImportFormat;
  tenant: Tenant;
  dryRun: boolean;
  run: (request: AdminRequest) => Promise<AdminResult>;
  progress: ImportProgress;
}): Promise<ImportSummary> {
  const { tenant, progress } = options;
  const summary: ImportSummary = { added: 0, skipped: 0, refused: [] };
  /** First line of each address, to name a repeat within the file. */
  const seen = new Map<string, number>();
  let batch: ImportedUser[] = [];
  let bytes = 0;
  let rows = 0;
  const counts = () => ({
    bytes,
    rows,
    added: summary.added,
    skipped: summary.skipped,
    refused: summary.refused.length,
  });
  const report = () => progress.update(counts());
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await options.run({
      command: 'user-import',
      tenant: tenant.id,
      dryRun: options.dryRun,
      users: batch,
    });
    if (!result.ok) throw new Error(result.error);
    const added = (result.data as { added: string[] }).added.length;
    summary.added += added;
    summary.skipped += batch.length - added;
    batch = [];
    report();
  };
  for await (const record of readRecords(options.file, options.format, (read) => (bytes = read))) {
    rows += 1;
    if ('problem' in record) {
      summary.refused.push({
        line: record.line,
        problems: [{ field: 'row', problem: record.problem }],
      });
      continue;
    }
    if (rows === 1 && options.format === 'csv') {
      const unknown = unknownColumns(Object.keys(record.fields));
      if (unknown.length > 0) {
        throw new Error(
          `The header names columns the import does not know: ${unknown.join(', ')} (see docs/operators.md#the-import-file)`,
        );
      }
    }
    const checked = checkImportRow(record.fields, tenant);
    if (!checked.ok) {
      summary.refused.push({ line: record.line, problems: checked.problems });
      continue;
    }
    const first = seen.get(checked.user.email);
    if (first !== undefined) {
      summary.refused.push({
        line: record.line,
        problems: [{ field: 'identifier', problem: `repeats line ${first}` }],
      });
      continue;
    }
    seen.set(checked.user.email, record.line);
    batch.push(checked.user);
    if (batch.length >= importBatchSize) await flush();
  }
  await flush();
  progress.done(counts());
  return summary;
}

/** The summary as the operator reads it. */
export function summaryLines(summary: ImportSummary, dryRun: boolean, tenant: string): string[] {
  const lines = [
    dryRun
      ? `Dry run for ${tenant}: would add ${summary.added} users, skip ${summary.skipped} already there; nothing written.`
      : `Imported into ${tenant}: ${summary.added} users added, ${summary.skipped} already there (skipped).`,
  ];
  if (summary.refused.length > 0) {
    lines.push(
      `${summary.refused.length} ${summary.refused.length === 1 ? 'line' : 'lines'} refused:`,
    );
    for (const { line, problems } of summary.refused) {
      for (const { field, problem } of problems) lines.push(`  line ${line}: ${field}: ${problem}`);
    }
  }
  return lines;
}

const countText = ({ rows, added, skipped, refused }: ImportCounts) =>
  `${rows} rows: ${added} added, ${skipped} skipped, ${refused} refused`;

/** A bar redrawn in place on a terminal; a plain line per tenth of the file elsewhere (logs, CI). */
export function progressReporter(stream: NodeJS.WriteStream, totalBytes: number): ImportProgress {
  let lastTenth = -1;
  const fraction = (bytes: number) => (totalBytes === 0 ? 1 : Math.min(1, bytes / totalBytes));
  return {
    update({ bytes, rows, added, skipped, refused }) {
      const share = fraction(bytes);
      const counts = countText({ bytes, rows, added, skipped, refused });
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(
          `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${counts}`,
        );
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`import: ${tenth * 10}% of the file, ${counts}\n`);
      }
    },
    done(state) {
      if (stream.isTTY) this.update(state);
      stream.write(stream.isTTY ? '\n' : `import: done, ${countText(state)}\n`);
    },
  };
}
