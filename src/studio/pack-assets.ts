/**
 * Files a brand team drops into the studio: which ones each asset field takes (the limits
 * theme:check applies), the name each gets in the pack's `assets/` folder, and the draft with the
 * file in it and theme.json naming it. The checks proper run over the draft (pack-draft.ts).
 */
import { assetRules, maxFontBytes } from '../theme/pack/asset-checks.js';
import { maxFonts, type AssetKind } from '../theme/pack-fields.js';
import { toBase64, type DraftFile, type PackDraft } from './pack-draft.js';

/** An asset field: one of the images, or a brand font face. */
export type AssetSlot = AssetKind | 'font';

const imageExtensions = { svg: ['svg'], png: ['png'], jpeg: ['jpg', 'jpeg'] } as const;

const mimeTypes: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  woff2: 'font/woff2',
};

/** The file name extensions a field takes. */
export function slotExtensions(slot: AssetSlot): string[] {
  if (slot === 'font') return ['woff2'];
  return assetRules[slot].types.flatMap((type) => imageExtensions[type]);
}

export function slotMaxBytes(slot: AssetSlot): number {
  return slot === 'font' ? maxFontBytes : assetRules[slot].maxBytes;
}

/** Why a field refuses a file, as data the field words in the studio's language. */
export type FileProblem =
  { kind: 'type'; extensions: string[] } | { kind: 'size'; bytes: number; maxBytes: number };

export function fileProblem(slot: AssetSlot, name: string, bytes: number): FileProblem | undefined {
  const extensions = slotExtensions(slot);
  if (!extensions.includes(extensionOf(name))) return { kind: 'type', extensions };
  const maxBytes = slotMaxBytes(slot);
  return bytes > maxBytes ? { kind: 'size', bytes, maxBytes } : undefined;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const slotNames: Record<AssetKind, string> = {
  bannerLogo: 'banner-logo',
  background: 'background',
  favicon: 'favicon',
};

/**
 * The file's path in the pack: `assets/banner-logo.png` for an image, the file's own name made
 * safe for a font. The extension is kept as it is, so that a wrong one fails theme.json's check.
 */
export function assetPath(slot: AssetSlot, name: string): string {
  const extension = extensionOf(name).replace(/[^a-z0-9]/g, '') || 'bin';
  if (slot !== 'font') return `assets/${slotNames[slot]}.${extension}`;
  const base = name
    .slice(0, name.length - extensionOf(name).length)
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '')
    .slice(0, 63);
  return `assets/${base || 'font'}.${extension}`;
}

export function draftFile(path: string, bytes: Uint8Array): DraftFile {
  const type = mimeTypes[extensionOf(path)] ?? 'application/octet-stream';
  return { bytes, url: URL.createObjectURL(new Blob([bytes as BlobPart], { type })) };
}

interface FontFace {
  family: string;
  file: string;
  weight?: number;
  style?: string;
}

/** A new face: of the first family `tokens.font-family` names, its weight and style guessed from the file name. */
function newFace(fontFamily: string, name: string, file: string): FontFace {
  const family = fontFamily
    .split(',')[0]!
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2');
  const weight = /bold|700/i.test(name) ? 700 : 400;
  return { family, file, weight, ...(/italic/i.test(name) && { style: 'italic' }) };
}

/** The paths theme.json names. */
function namedPaths(manifest: PackDraft['manifest']): Set<string> {
  const assets = (manifest['assets'] ?? {}) as Record<string, string>;
  const fonts = (manifest['fonts'] ?? []) as FontFace[];
  return new Set([...Object.values(assets), ...fonts.map((face) => face.file)]);
}

/**
 * The draft with `file` at `slot` (for a font, in face `index`, or a new face past the last),
 * theme.json naming it, and the files it no longer names dropped.
 */
export function withAsset(
  draft: PackDraft,
  slot: AssetSlot,
  index: number,
  name: string,
  file: DraftFile,
  fontFamily: string,
): PackDraft {
  const path = assetPath(slot, name);
  const manifest = { ...draft.manifest };
  if (slot === 'font') {
    const fonts = [...((manifest['fonts'] ?? []) as FontFace[])];
    if (index < fonts.length) fonts[index] = { ...fonts[index]!, file: path };
    else if (fonts.length < maxFonts) fonts.push(newFace(fontFamily, name, path));
    manifest['fonts'] = fonts;
  } else {
    manifest['assets'] = { ...(manifest['assets'] as object), [slot]: path };
  }
  return withoutUnnamed({ ...draft, manifest, files: { ...draft.files, [path]: file } });
}

/** The draft without font face `index`. */
export function withoutFont(draft: PackDraft, index: number): PackDraft {
  const fonts = ((draft.manifest['fonts'] ?? []) as FontFace[]).filter((_, at) => at !== index);
  const { fonts: _, ...rest } = draft.manifest;
  const manifest = fonts.length > 0 ? { ...rest, fonts } : rest;
  return withoutUnnamed({ ...draft, manifest });
}

function withoutUnnamed(draft: PackDraft): PackDraft {
  const named = namedPaths(draft.manifest);
  const files: Record<string, DraftFile> = {};
  for (const [path, file] of Object.entries(draft.files ?? {})) {
    if (named.has(path)) files[path] = file;
    else URL.revokeObjectURL(file.url);
  }
  return { ...draft, files };
}

/** The checker's problems at a field: `assets.bannerLogo`, or font face `index`'s fields. */
export function slotProblems(
  problems: readonly string[],
  slot: AssetSlot,
  index: number,
): string[] {
  const field = slot === 'font' ? `fonts[${index}]` : `assets.${slot}`;
  return problems.flatMap((line) => {
    const at = [`: ${field}: `, `: ${field}.file: `, `: ${field}.family: `]
      .map((marker) => [marker, line.indexOf(marker)] as const)
      .find(([, position]) => position >= 0);
    return at ? [line.slice(at[1] + at[0].length)] : [];
  });
}

/** The dropped banner logo the resolved pack shows, as base64, for the emails' preview. */
export function droppedLogo(draft: PackDraft, logo: string | undefined): string {
  const own = `${draft.id}/`;
  if (!logo?.startsWith(own) || !draft.files?.[logo.slice(own.length)]) return '';
  return toBase64(draft.files[logo.slice(own.length)]!.bytes);
}
