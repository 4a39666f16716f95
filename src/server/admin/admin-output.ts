/** How admin commands answer: aligned text tables, and a refusal with its reason. */
import type { AdminResult } from './admin-request.schema.js';

export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
}

export const fail = (error: string): AdminResult => ({ ok: false, error });
