/**
 * The sign-in page's first load: the JS and CSS that the built index.html pulls in for the app to
 * take over the server's form, read from Vite's manifest (the entry, the app module it starts when
 * the page is idle, their static imports and their CSS, recursively), with gzip -9 sizes. The
 * form is usable before any of it runs (it posts natively); the budget keeps the takeover quick.
 *
 * Shared by the size test (scripts/size-budget.test.ts) and `npm run bench`. As a script it builds
 * and prints the figures; `--record` writes them into bench/size-budget.json, keeping the budget.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compress } from './vite-precompress.js';

export const budgetFile = 'bench/size-budget.json';

export interface FirstLoadFile {
  /** The output name without its content hash (`assets/index.js`), stable across builds. */
  name: string;
  /** The file in the build (`assets/index-BB4z-ahf.js`). */
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

/** bench/size-budget.json: the goal, the enforced budget, and the figures last recorded per file. */
export interface SizeBudget {
  goalBytes: number;
  budgetBytes: number;
  /** The library entry's first load (scripts/build-lib.ts): a page that embeds the elements. */
  libraryBudgetBytes: number;
  recorded: Record<string, number>;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Vite names outputs `<name>-<8 character hash>.<ext>`. */
export function stableName(file: string): string {
  return file.replace(/-[\w-]{8}(?=\.\w+$)/, '');
}

/** A production build of the pages, with a manifest, into a fresh temporary folder. */
export async function buildPages(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'gatehouse-build-'));
  await promisify(execFile)(
    './node_modules/.bin/vite',
    ['build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'error'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return outDir;
}

export async function removeBuild(outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
}

export async function firstLoad(outDir: string): Promise<FirstLoadFile[]> {
  const manifest = JSON.parse(
    await readFile(join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entry = manifest['index.html'];
  if (!entry?.isEntry) throw new Error(`${outDir}: the manifest has no index.html entry`);
  const files = new Set<string>();
  const visit = (chunk: ManifestChunk) => {
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const key of chunk.imports ?? []) visit(manifest[key]!);
  };
  visit(entry);
  // The entry only waits for an idle moment; the app it then starts is its one dynamic import.
  for (const key of entry.dynamicImports ?? []) visit(manifest[key]!);
  return Promise.all(
    [...files].map(async (file) => {
      const source = await readFile(join(outDir, file));
      const { br, gz } = compress(source);
      return {
        name: stableName(file),
        file,
        raw: source.byteLength,
        gzip: gz.byteLength,
        brotli: br.byteLength,
      };
    }),
  );
}

export async function readBudget(): Promise<SizeBudget> {
  return JSON.parse(await readFile(budgetFile, 'utf8')) as SizeBudget;
}

export const total = (files: readonly FirstLoadFile[]) =>
  files.reduce((sum, file) => sum + file.gzip, 0);

const bytes = (count: number) => `${count.toLocaleString('en')} B`;

/** Which files grew (or are new) against the recorded figures, biggest growth first. */
export function growth(files: readonly FirstLoadFile[], recorded: Record<string, number>) {
  return files
    .map((file) => ({
      ...file,
      before: recorded[file.name],
      delta: file.gzip - (recorded[file.name] ?? 0),
    }))
    .filter((file) => file.delta > 0)
    .sort((a, b) => b.delta - a.delta)
    .map((file) =>
      file.before === undefined
        ? `${file.name} is new: ${bytes(file.gzip)}`
        : `${file.name} grew by ${bytes(file.delta)} (${bytes(file.before)} -> ${bytes(file.gzip)})`,
    );
}

/** Undefined within the budget, else a message that names what grew. */
export function overBudget(files: readonly FirstLoadFile[], budget: SizeBudget) {
  const sum = total(files);
  if (sum <= budget.budgetBytes) return undefined;
  const grew = growth(files, budget.recorded);
  return [
    `The sign-in page's first load is ${bytes(sum)} gzip, over the budget of ${bytes(budget.budgetBytes)} (${budgetFile}).`,
    ...(grew.length > 0
      ? grew
      : ['No file is bigger than recorded: the budget was lowered below the recorded figures.']),
  ].join('\n  ');
}

async function main(record: boolean) {
  const outDir = await buildPages();
  try {
    const files = await firstLoad(outDir);
    const budget = await readBudget();
    for (const file of files) {
      process.stdout.write(
        `${file.name.padEnd(24)} ${bytes(file.gzip).padStart(10)} gzip ${bytes(file.brotli).padStart(10)} br\n`,
      );
    }
    process.stdout.write(
      `${'total'.padEnd(24)} ${bytes(total(files)).padStart(10)} gzip; budget ${bytes(budget.budgetBytes)}, goal ${bytes(budget.goalBytes)}\n`,
    );
    if (record) {
      const recorded = Object.fromEntries(files.map((file) => [file.name, file.gzip]));
      await writeFile(budgetFile, `${JSON.stringify({ ...budget, recorded }, null, 2)}\n`);
      process.stdout.write(`recorded in ${budgetFile}\n`);
    }
  } finally {
    await removeBuild(outDir);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.includes('--record')).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
