/**
 * Reads a theme pack and the packs it extends, each file parsed and checked on its own. Pure apart
 * from `read`: the checker and the build pass one over the file system, the browser tests one
 * over fetch. Every error is "file: field: message".
 */
import type * as z from 'zod/mini';
import { parseDataFile } from '../../data/data-file.schema.js';
import type { Result } from '../../shared/result.js';
import { salvage } from './salvage.js';
import { themeSchema, type Theme } from './theme.schema.js';
import {
  themeLocales,
  themeTextSchema,
  type ThemeLocale,
  type ThemeText,
} from '../theme-text.schema.js';

/** The bytes of a file, or undefined when there is no such file. */
export type ReadFile = (path: string) => Promise<Uint8Array | undefined>;

export interface ThemeSource {
  /** The folder that holds one sub-folder per pack, e.g. `themes`. */
  dir: string;
  /**
   * Where packs that are not in `dir` are looked for, in order: an out-of-tree pack
   * (`../brand/northwind`) extends the shipped packs in `themes`.
   */
  parentDirs?: readonly string[];
  read: ReadFile;
}

/** How deep `extends` may go; deeper chains are a mistake, not a design. */
const maxChainLength = 8;
const maxDataFileBytes = 64 * 1024;

/** One pack of a chain, as read and checked. */
export interface Pack {
  id: string;
  /** The folder that holds the pack's folder. */
  dir: string;
  file: string;
  manifest: Theme;
  text: Partial<Record<ThemeLocale, ThemeText>>;
}

/** A size as the error messages give it. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

/** JSON from a data file, or the error that names the file. */
function parseJson(file: string, bytes: Uint8Array): Result<unknown, string> {
  if (bytes.length > maxDataFileBytes) {
    return {
      ok: false,
      failure: `${file}: (top level): is ${formatBytes(bytes.length)}; at most ${formatBytes(maxDataFileBytes)}`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (error) {
    return {
      ok: false,
      failure: `${file}: (top level): is not valid UTF-8 JSON (${(error as Error).message})`,
    };
  }
}

/** The file's errors and what of it is usable despite them (see salvage.ts). */
async function readDataFile<T>(
  source: ThemeSource,
  file: string,
  schema: z.ZodMiniType<T>,
  required?: Record<string, unknown>,
): Promise<{ value?: T; errors: string[] }> {
  const bytes = await source.read(file);
  if (!bytes) return { errors: [] };
  const json = parseJson(file, bytes);
  if (!json.ok) return { errors: [json.failure] };
  const parsed = parseDataFile(schema, file, json.value);
  return parsed.ok
    ? { value: parsed.value, errors: [] }
    : { value: salvage(schema, json.value, required), errors: parsed.failure };
}

/** The pack and its ancestors, leaf first, or the errors that stop the chain. */
export async function readChain(
  id: string,
  source: ThemeSource,
): Promise<{ chain: Pack[]; errors: string[] }> {
  const chain: Pack[] = [];
  const errors: string[] = [];
  let current: string | undefined = id;
  while (current !== undefined) {
    const child = chain.at(-1);
    if (chain.some((pack) => pack.id === current)) {
      const loop = [...chain.map((pack) => pack.id), current].join(' -> ');
      errors.push(`${child!.file}: extends: "${current}" leads back to itself (${loop})`);
      break;
    }
    if (chain.length === maxChainLength) {
      errors.push(`${child!.file}: extends: more than ${maxChainLength} packs deep`);
      break;
    }
    const packId: string = current;
    const dirs = [source.dir, ...(source.parentDirs ?? [])];
    let dir = source.dir;
    for (const candidate of dirs) {
      if (await source.read(`${candidate}/${packId}/theme.json`)) {
        dir = candidate;
        break;
      }
    }
    const file = `${dir}/${packId}/theme.json`;
    const manifest: { value?: Theme; errors: string[] } = await readDataFile(
      source,
      file,
      themeSchema,
      { id: packId, name: packId },
    );
    if (!manifest.value && manifest.errors.length === 0) {
      const tried = dirs.map((candidate) => `${candidate}/${packId}/theme.json`).join(', ');
      errors.push(
        child
          ? `${child.file}: extends: no theme pack "${packId}" (no ${tried})`
          : `${file}: (top level): does not exist`,
      );
      break;
    }
    errors.push(...manifest.errors);
    if (!manifest.value) break;
    if (manifest.value.id !== packId) {
      errors.push(`${file}: id: must be the folder name "${packId}", not "${manifest.value.id}"`);
    }
    const text: Pack['text'] = {};
    for (const locale of themeLocales) {
      const textFile = `${dir}/${packId}/text/${locale}.json`;
      const parsed = await readDataFile(source, textFile, themeTextSchema);
      errors.push(...parsed.errors);
      if (parsed.value) text[locale] = parsed.value;
    }
    chain.push({ id: packId, dir, file, manifest: manifest.value, text });
    current = manifest.value.extends;
  }
  return { chain, errors };
}
