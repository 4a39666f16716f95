/**
 * The images a theme names (banner logo, background, favicon): each file's size, type and
 * dimensions, and an SVG's safety; and its brand fonts: WOFF2, small, and named by the font
 * tokens. The build refuses a pack whose files break these rules.
 */
import { imageInfo, type ImageType } from './image-info.js';
import { assetKinds, type AssetKind } from '../pack-fields.js';
import type { Merged } from './merge-chain.js';
import { formatBytes, type Pack, type ThemeSource } from './read-pack-chain.js';
import { svgProblems } from './svg-safety.js';

export interface AssetRule {
  types: readonly ImageType[];
  maxWidth: number;
  maxHeight: number;
  maxBytes: number;
}

export const assetRules: Record<AssetKind, AssetRule> = {
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

export type ImageSize = { width: number; height: number };

/** The assets' problems, and the banner logo's size when it has one. */
export async function checkAssets(
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

/** A face of a brand font; the latin subset of a text face is some 20–50 KB. */
export const maxFontBytes = 100 * 1024;
const woff2Signature = 'wOF2';

/** Each font file is a WOFF2 within the limit, and `tokens.font-family` names each family. */
export async function checkFonts(
  merged: Merged,
  source: ThemeSource,
  chain: Pack[],
): Promise<string[]> {
  if (!merged.fonts) return [];
  const owner = chain.find((pack) => pack.id === merged.fonts!.owner)!;
  const errors: string[] = [];
  const families = (merged.tokens['font-family'] ?? '')
    .split(',')
    .map((name) => name.trim().replace(/^(['"])(.*)\1$/, '$2'));
  for (const [index, face] of merged.fonts.faces.entries()) {
    const field = `fonts[${index}]`;
    const bytes = await source.read(`${owner.dir}/${owner.id}/${face.file}`);
    if (!bytes) errors.push(`${owner.file}: ${field}.file: ${face.file} does not exist`);
    else if (bytes.length > maxFontBytes) {
      errors.push(
        `${owner.file}: ${field}.file: is ${formatBytes(bytes.length)}; at most ${formatBytes(maxFontBytes)} (subset the font to the scripts you need)`,
      );
    } else if (new TextDecoder().decode(bytes.subarray(0, 4)) !== woff2Signature) {
      errors.push(`${owner.file}: ${field}.file: is not a WOFF2 font`);
    }
    if (!families.includes(face.family)) {
      errors.push(
        `${owner.file}: ${field}.family: "${face.family}" is not named in tokens.font-family, so no text would use it`,
      );
    }
  }
  return errors;
}
