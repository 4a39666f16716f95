/**
 * The images a theme names (banner logo, background, favicon): each file's size, type and
 * dimensions, and an SVG's safety. The build refuses a pack whose images break these rules.
 */
import { imageInfo, type ImageType } from './image-info.js';
import { assetKinds, type AssetKind } from '../pack-fields.js';
import type { Merged } from './merge-chain.js';
import { formatBytes, type Pack, type ThemeSource } from './read-pack-chain.js';
import { svgProblems } from './svg-safety.js';

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
