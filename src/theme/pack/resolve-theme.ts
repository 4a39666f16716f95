/**
 * Reads a theme pack and the packs it extends, checks every file, and merges them into one
 * ResolvedTheme. Pure apart from `read`: the checker and the build pass one over the file
 * system, the browser tests one over fetch. Every error is "file: field: message".
 */
import type * as z from 'zod/mini';
import { parseDataFile } from '../../data/data-file.schema.js';
import type { Result } from '../../shared/result.js';
import { parseColor, toHex } from './color.js';
import { contrastFailures, formatRatio } from './contrast.js';
import { imageInfo, type ImageType } from './image-info.js';
import { assetKinds, type AssetKind } from '../pack-fields.js';
import type { ResolvedTheme } from '../resolved-theme.schema.js';
import { darkContrastErrors, mergeDark, resolvedDark, type DarkTokens } from './dark-scheme.js';
import { salvage } from './salvage.js';
import { svgProblems } from './svg-safety.js';
import { themeSchema, type Theme } from './theme.schema.js';
import {
  themeLocales,
  themeTextSchema,
  type ThemeLocale,
  type ThemeText,
} from '../theme-text.schema.js';
import { themeTokenNames, themeTokens, type ThemeTokenName } from '../theme-tokens.js';

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

export type ThemeResult = Result<ResolvedTheme, string[]>;

/** How deep `extends` may go; deeper chains are a mistake, not a design. */
const maxChainLength = 8;
const maxDataFileBytes = 64 * 1024;

interface AssetRule {
  types: readonly ImageType[];
  maxWidth: number;
  maxHeight: number;
  maxBytes: number;
}

const assetRules: Record<AssetKind, AssetRule> = {
  bannerLogo: { types: ['svg', 'png'], maxWidth: 280, maxHeight: 60, maxBytes: 10 * 1024 },
  background: {
    types: ['svg', 'png', 'jpeg'],
    maxWidth: 1920,
    maxHeight: 1080,
    maxBytes: 300 * 1024,
  },
  favicon: { types: ['svg', 'png'], maxWidth: 64, maxHeight: 64, maxBytes: 10 * 1024 },
};

const typeByExtension: Record<string, ImageType> = {
  svg: 'svg',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
};

interface Pack {
  id: string;
  /** The folder that holds the pack's folder. */
  dir: string;
  file: string;
  manifest: Theme;
  text: Partial<Record<ThemeLocale, ThemeText>>;
}

function formatBytes(bytes: number): string {
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
async function readChain(
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

interface Merged {
  name: string;
  colorScheme: Theme['colorScheme'];
  layout: Theme['layout'];
  tokens: Partial<Record<ThemeTokenName, string>>;
  dark: DarkTokens | undefined;
  /** Each asset with the pack whose folder holds it. */
  assets: Partial<Record<AssetKind, { owner: string; path: string }>>;
  text: Partial<Record<ThemeLocale, ThemeText>>;
}

/** Key by key, ancestors first, so that a pack overrides single tokens, assets, texts and links. */
function merge(chain: Pack[]): Merged {
  const merged: Merged = {
    name: chain[0]!.manifest.name,
    colorScheme: undefined,
    layout: undefined,
    tokens: {},
    dark: mergeDark(chain.map((pack) => pack.manifest)),
    assets: {},
    text: {},
  };
  for (const { id, manifest, text } of [...chain].reverse()) {
    merged.colorScheme = manifest.colorScheme ?? merged.colorScheme;
    merged.layout = manifest.layout ?? merged.layout;
    merged.tokens = { ...merged.tokens, ...manifest.tokens };
    for (const kind of assetKinds) {
      const path = manifest.assets?.[kind];
      if (path) merged.assets[kind] = { owner: id, path };
    }
    for (const locale of themeLocales) {
      const own = text[locale];
      if (!own) continue;
      const inherited = merged.text[locale] ?? {};
      merged.text[locale] = {
        ...inherited,
        ...own,
        ...(inherited.footerLinks || own.footerLinks
          ? { footerLinks: { ...inherited.footerLinks, ...own.footerLinks } }
          : {}),
      };
    }
  }
  return merged;
}

/** Every token, colour scheme and layout set somewhere in the chain. */
function completenessErrors(merged: Merged, root: Pack): string[] {
  const rule = 'a pack that extends nothing must set every token';
  return [
    ...themeTokenNames
      .filter((name) => merged.tokens[name] === undefined)
      .map((name) => `${root.file}: tokens.${name}: missing (${rule})`),
    ...(merged.colorScheme ? [] : [`${root.file}: colorScheme: missing (${rule})`]),
    ...(merged.layout ? [] : [`${root.file}: layout: missing (${rule})`]),
  ];
}

/** Every locale with text has the same fields, so that no page mixes theme text with defaults of another language. */
function textErrors(merged: Merged, leaf: Pack): string[] {
  const fields = (text: ThemeText | undefined) => [
    ...Object.keys(text ?? {}).filter((key) => key !== 'footerLinks'),
    ...Object.keys(text?.footerLinks ?? {}).map((key) => `footerLinks.${key}`),
  ];
  const everyField = new Set(themeLocales.flatMap((locale) => fields(merged.text[locale])));
  if (everyField.size === 0) return [];
  return themeLocales.flatMap((locale) => {
    const file = `${leaf.dir}/${leaf.id}/text/${locale}.json`;
    const present = new Set(fields(merged.text[locale]));
    return [...everyField]
      .filter((field) => !present.has(field))
      .map(
        (field) =>
          `${file}: ${field}: missing (another locale sets it; every locale needs the same text)`,
      );
  });
}

/** Pairs with a token that the schema refused are left out: they would judge its stand-in. */
function contrastErrors(merged: Merged, leaf: Pack, refused: Set<string>): string[] {
  const tokens = merged.tokens as Record<ThemeTokenName, string>;
  const judged = contrastFailures(tokens).filter(
    (failure) => !refused.has(failure.foreground) && !refused.has(failure.background),
  );
  return judged.map(
    (failure) =>
      `${leaf.file}: tokens.${failure.foreground}: contrast ${formatRatio(failure.ratio)} on ${failure.background} (${failure.where}) is below ${failure.minimum}:1`,
  );
}

/** Size, type and (for SVG) safety of one asset file. */
export function assetErrors(kind: AssetKind, file: string, bytes: Uint8Array): string[] {
  const rule = assetRules[kind];
  const field = `assets.${kind}`;
  if (bytes.length > rule.maxBytes) {
    return [
      `${file}: ${field}: is ${formatBytes(bytes.length)}; at most ${formatBytes(rule.maxBytes)}`,
    ];
  }
  const info = imageInfo(bytes);
  const extension = file.slice(file.lastIndexOf('.') + 1);
  if (!info) return [`${file}: ${field}: is not a PNG, JPEG or SVG image`];
  if (info.type !== typeByExtension[extension]) {
    return [
      `${file}: ${field}: holds ${info.type.toUpperCase()} data, but its name ends in .${extension}`,
    ];
  }
  if (!rule.types.includes(info.type)) {
    return [
      `${file}: ${field}: must be ${rule.types.map((type) => type.toUpperCase()).join(' or ')}`,
    ];
  }
  const errors =
    info.type === 'svg'
      ? svgProblems(new TextDecoder().decode(bytes)).map(
          (problem) => `${file}: ${field}: ${problem}`,
        )
      : [];
  if (info.width === undefined || info.height === undefined) {
    errors.push(
      `${file}: ${field}: has no readable size (SVG needs width and height in px, or a viewBox)`,
    );
  } else if (info.width > rule.maxWidth || info.height > rule.maxHeight) {
    errors.push(
      `${file}: ${field}: is ${info.width}x${info.height} pixels; at most ${rule.maxWidth}x${rule.maxHeight}`,
    );
  }
  return errors;
}

type ImageSize = { width: number; height: number };

/** The assets' problems, and the banner logo's size when it has one. */
async function checkAssets(
  merged: Merged,
  source: ThemeSource,
  chain: Pack[],
): Promise<{ errors: string[]; bannerLogoSize: ImageSize | undefined }> {
  const errors: string[] = [];
  let bannerLogoSize: ImageSize | undefined;
  for (const kind of assetKinds) {
    const asset = merged.assets[kind];
    if (!asset) continue;
    const owner = chain.find((pack) => pack.id === asset.owner)!;
    const file = `${owner.dir}/${asset.owner}/${asset.path}`;
    const bytes = await source.read(file);
    if (!bytes) {
      errors.push(`${owner.file}: assets.${kind}: ${asset.path} does not exist`);
      continue;
    }
    errors.push(...assetErrors(kind, file, bytes));
    const { width, height } = imageInfo(bytes) ?? {};
    if (kind === 'bannerLogo' && width && height) bannerLogoSize = { width, height };
  }
  if (merged.layout === 'split' && !merged.assets.background) {
    errors.push(`${chain[0]!.file}: layout: "split" needs an image in assets.background`);
  }
  return { errors, bannerLogoSize };
}

function resolved(
  merged: Merged,
  id: string,
  bannerLogoSize: ImageSize | undefined,
): ResolvedTheme {
  const tokens = Object.fromEntries(
    themeTokenNames.map((name) => {
      const value = merged.tokens[name]!;
      return [name, themeTokens[name].kind === 'color' ? toHex(parseColor(value)!) : value];
    }),
  ) as Record<ThemeTokenName, string>;
  const assets = Object.fromEntries(
    Object.entries(merged.assets).map(([kind, asset]) => [kind, `${asset.owner}/${asset.path}`]),
  );
  return {
    id,
    name: merged.name,
    colorScheme: merged.colorScheme!,
    layout: merged.layout!,
    tokens,
    ...(merged.dark ? { dark: resolvedDark(merged.tokens, merged.dark) } : {}),
    assets,
    ...(bannerLogoSize ? { bannerLogoSize } : {}),
    text: merged.text,
  };
}

/** `file: field` of an error line, e.g. `themes/x/theme.json: tokens.color-brand`. */
const fieldOf = (error: string) => error.split(': ', 2).join(': ');

/**
 * Resolves pack `id` from `source`, checking it and every pack it extends. Every problem comes
 * in one run: after a schema error the checks go on with what of the files is usable, leaving
 * out only what would repeat a field's problem or rest on a value that was refused.
 */
export async function resolveThemePack(id: string, source: ThemeSource): Promise<ThemeResult> {
  const { chain, errors } = await readChain(id, source);
  if (chain.length === 0) return { ok: false, failure: errors };
  const merged = merge(chain);
  const leaf = chain[0]!;
  const problems = [...errors];
  // A chain cut short by a missing parent or a loop has no complete set of tokens to judge.
  if (chain.at(-1)!.manifest.extends === undefined) {
    const missing = completenessErrors(merged, chain.at(-1)!);
    problems.push(...missing);
    const refused = new Set(
      errors.flatMap((error) => /: tokens\.([a-z0-9-]+):/.exec(error)?.[1] ?? []),
    );
    if (missing.length === 0) problems.push(...contrastErrors(merged, leaf, refused));
    if (missing.length === 0 && merged.dark) {
      const tokens = merged.tokens as Record<ThemeTokenName, string>;
      problems.push(...darkContrastErrors(leaf.file, tokens, merged.dark));
      if (merged.colorScheme !== 'light') {
        problems.push(
          `${leaf.file}: dark: only a light pack ("colorScheme": "light") pairs a dark scheme`,
        );
      }
    }
  }
  const assets = await checkAssets(merged, source, chain);
  problems.push(...textErrors(merged, leaf), ...assets.errors);
  // A field the schema refused is named once, not again as "missing" where it was dropped.
  const refusedFields = errors.map(fieldOf);
  const failure = problems.filter((problem) => {
    const field = fieldOf(problem);
    return (
      errors.includes(problem) ||
      !refusedFields.some((refused) => refused === field || refused.startsWith(`${field}.`))
    );
  });
  return failure.length > 0
    ? { ok: false, failure: [...new Set(failure)] }
    : { ok: true, value: resolved(merged, id, assets.bannerLogoSize) };
}
