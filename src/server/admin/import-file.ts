/**
 * Reads an import file as a stream of records, each with the line it starts on, so that 100,000
 * users never sit in memory at once. CSV (RFC 4180: a header row, quoted fields may hold commas,
 * quotes and line breaks), a JSON array of objects, or JSON Lines (one object per line).
 */
import { createReadStream } from 'node:fs';

export interface FileRecord {
  /** The line (from 1) the record starts on. */
  line: number;
  /** Column name -> value; a CSV gives strings only. */
  fields: Record<string, unknown>;
}

/** A record the reader could not make sense of at all (not a row's field: the whole row). */
export interface BrokenRecord {
  line: number;
  problem: string;
}

export type ImportFormat = 'csv' | 'json' | 'jsonl';

export function formatOf(file: string): ImportFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'json') return 'json';
  if (extension === 'jsonl' || extension === 'ndjson') return 'jsonl';
  return undefined;
}

/** Characters of the file as they stream in, with how many bytes have been read so far. */
async function* chunks(file: string, progress: (bytes: number) => void) {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    progress(stream.bytesRead);
    yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
    first = false;
  }
}

export function readRecords(
  file: string,
  format: ImportFormat,
  progress: (bytes: number) => void = () => undefined,
): AsyncGenerator<FileRecord | BrokenRecord> {
  switch (format) {
    case 'csv':
      return csvRecords(chunks(file, progress));
    case 'json':
      return jsonArrayRecords(chunks(file, progress));
    case 'jsonl':
      return jsonLineRecords(chunks(file, progress));
  }
}

/** Splits CSV into rows of cells, keeping each row's first line. */
export async function* csvRows(
  source: AsyncIterable<string>,
): AsyncGenerator<{ line: number; cells: string[] }> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  /** The last character was the closing quote of a quoted cell (or the first of an escaped pair). */
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let pendingCr = false;
  for await (const chunk of source) {
    for (const char of chunk) {
      if (pendingCr) {
        pendingCr = false;
        if (char === '\n') continue;
      }
      if (quoted) {
        if (char === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (char === '\n') line += 1;
          cell += char;
        }
        continue;
      }
      if (char === '"') {
        // `""` inside a quoted cell is one quote; a quote opening a cell starts quoting.
        if (afterQuote) cell += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (char === ',') {
        cells.push(cell);
        cell = '';
      } else if (char === '\n' || char === '\r') {
        pendingCr = char === '\r';
        cells.push(cell);
        if (cells.length > 1 || cells[0] !== '') yield { line: rowLine, cells };
        cells = [];
        cell = '';
        line += 1;
        rowLine = line;
      } else {
        cell += char;
      }
    }
  }
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') yield { line: rowLine, cells };
}

async function* csvRecords(
  source: AsyncIterable<string>,
): AsyncGenerator<FileRecord | BrokenRecord> {
  let header: string[] | undefined;
  for await (const { line, cells } of csvRows(source)) {
    if (!header) {
      header = cells.map((name) => name.trim().toLowerCase());
      continue;
    }
    if (cells.length !== header.length) {
      yield {
        line,
        problem: `has ${cells.length} fields where the header has ${header.length}`,
      };
      continue;
    }
    yield { line, fields: Object.fromEntries(header.map((name, i) => [name, cells[i]])) };
  }
}

function parsedObject(text: string, line: number): FileRecord | BrokenRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, problem: 'is not valid JSON' };
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { line, fields: value as Record<string, unknown> }
    : { line, problem: 'is not a JSON object' };
}

async function* jsonLineRecords(
  source: AsyncIterable<string>,
): AsyncGenerator<FileRecord | BrokenRecord> {
  let rest = '';
  let line = 0;
  for await (const chunk of source) {
    rest += chunk;
    const lines = rest.split('\n');
    rest = lines.pop()!;
    for (const text of lines) {
      line += 1;
      if (text.trim() !== '') yield parsedObject(text, line);
    }
  }
  line += 1;
  if (rest.trim() !== '') yield parsedObject(rest, line);
}

/**
 * A JSON array, one element at a time: the reader tracks strings and nesting to find where each
 * top-level element ends, then parses that element alone.
 */
async function* jsonArrayRecords(
  source: AsyncIterable<string>,
): AsyncGenerator<FileRecord | BrokenRecord> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  let ended = false;
  let element = '';
  let elementLine = 1;
  let line = 1;
  for await (const chunk of source) {
    for (const char of chunk) {
      if (char === '\n') line += 1;
      if (ended) {
        if (!/\s/.test(char)) throw new Error(`line ${line}: text after the end of the JSON array`);
        continue;
      }
      if (!started) {
        if (char === '[') started = true;
        else if (!/\s/.test(char)) throw new Error('the JSON file must hold an array of users');
        continue;
      }
      if (inString) {
        element += char;
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (depth === 0 && (char === ',' || char === ']')) {
        if (element.trim() !== '') yield parsedObject(element, elementLine);
        element = '';
        if (char === ']') ended = true;
        continue;
      }
      if (element.trim() === '' && !/\s/.test(char)) elementLine = line;
      element += char;
      if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') depth -= 1;
    }
  }
  if (!ended) throw new Error('the JSON array is not closed: the file ends early');
}
