/**
 * The type and pixel size of a theme asset, read from the file's own header (PNG IHDR, JPEG
 * start-of-frame, SVG width/height/viewBox) rather than trusted from its name. Pure, so the
 * checker runs it on files from disk and the tests on bytes they build.
 */

export type ImageType = 'png' | 'jpeg' | 'svg';

export interface ImageInfo {
  type: ImageType;
  /** Undefined when the header gives no size (an SVG without width/height or viewBox). */
  width: number | undefined;
  height: number | undefined;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function uint16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! << 8) | bytes[offset + 1]!;
}

function uint32(bytes: Uint8Array, offset: number): number {
  return uint16(bytes, offset) * 0x10000 + uint16(bytes, offset + 2);
}

function pngInfo(bytes: Uint8Array): ImageInfo {
  const hasHeader = bytes.length >= 24 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
  return {
    type: 'png',
    width: hasHeader ? uint32(bytes, 16) : undefined,
    height: hasHeader ? uint32(bytes, 20) : undefined,
  };
}

/** Start-of-frame markers (baseline, progressive, lossless...), which carry the image size. */
const startOfFrame = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

function jpegInfo(bytes: Uint8Array): ImageInfo {
  let offset = 2;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (startOfFrame.has(marker)) {
      return { type: 'jpeg', height: uint16(bytes, offset + 5), width: uint16(bytes, offset + 7) };
    }
    const standalone = marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);
    offset += standalone ? 2 : 2 + uint16(bytes, offset + 2);
  }
  return { type: 'jpeg', width: undefined, height: undefined };
}

/** The attributes of the root `<svg>` start tag. */
function svgRootAttributes(text: string): Map<string, string> | undefined {
  const tag = /<svg(?=[\s>/])([^>]*)>/.exec(text);
  if (!tag) return undefined;
  const attributes = new Map<string, string>();
  const pattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (const [, name, doubleQuoted, singleQuoted] of tag[1]!.matchAll(pattern)) {
    attributes.set(name!, doubleQuoted ?? singleQuoted ?? '');
  }
  return attributes;
}

/** `120`, `120px` or `120.5` are pixels; `100%` and `5cm` are not a size a checker can hold. */
function svgLength(value: string | undefined): number | undefined {
  const match = value && /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

function svgInfo(text: string): ImageInfo {
  const attributes = svgRootAttributes(text) ?? new Map<string, string>();
  const width = svgLength(attributes.get('width'));
  const height = svgLength(attributes.get('height'));
  if (width !== undefined && height !== undefined) return { type: 'svg', width, height };
  const box = (attributes.get('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const [, , boxWidth, boxHeight] = box;
  const validBox =
    box.length === 4 && box.every(Number.isFinite) && boxWidth! > 0 && boxHeight! > 0;
  return {
    type: 'svg',
    width: validBox ? boxWidth : undefined,
    height: validBox ? boxHeight : undefined,
  };
}

/** Text whose first element, after an XML declaration, comments or a DOCTYPE, is `<svg>`. */
function looksLikeSvg(text: string): boolean {
  return /^\s*(?:(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>]/i.test(
    text,
  );
}

/** What the bytes are, judged by their content; undefined for anything else. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  if (startsWith(bytes, pngSignature)) return pngInfo(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpegInfo(bytes);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64 * 1024));
  return looksLikeSvg(text) ? svgInfo(text) : undefined;
}
