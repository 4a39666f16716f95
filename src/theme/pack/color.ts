/**
 * Theme colours: parsed from the CSS forms a brand team writes (hex, rgb(), hsl(), a colour name)
 * into numbers, so that contrast can be measured and only `#rrggbb` reaches a page. Anything else,
 * such as `red;background:url(x)`, is not a colour.
 */
import { namedColors } from './named-colors.js';

/** Channels 0-255, alpha 0-1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  alpha: number;
}

const numberPattern = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/;

function number(text: string): number | undefined {
  return numberPattern.test(text) ? Number(text) : undefined;
}

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);

/** A number, or a percentage of `scale`. */
function amount(text: string, scale: number): number | undefined {
  const value = text.endsWith('%') ? number(text.slice(0, -1)) : number(text);
  if (value === undefined) return undefined;
  return text.endsWith('%') ? (value / 100) * scale : value;
}

const hueUnits: Record<string, number> = { deg: 1, grad: 0.9, rad: 180 / Math.PI, turn: 360 };

function hue(text: string): number | undefined {
  const unit = Object.keys(hueUnits).find((name) => text.endsWith(name));
  const value = number(unit ? text.slice(0, -unit.length) : text);
  return value === undefined ? undefined : value * (unit ? hueUnits[unit]! : 1);
}

function fromHex(digits: string): Rgba {
  const full = digits.length <= 4 ? [...digits].map((digit) => digit + digit).join('') : digits;
  const channel = (index: number) => parseInt(full.slice(index * 2, index * 2 + 2), 16);
  return {
    r: channel(0),
    g: channel(1),
    b: channel(2),
    alpha: full.length === 8 ? channel(3) / 255 : 1,
  };
}

function fromHsl(h: number, s: number, l: number, alpha: number): Rgba {
  // CSS Color 4, "Converting HSL colors to sRGB colors".
  const saturation = clamp(s, 1);
  const lightness = clamp(l, 1);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = saturation * Math.min(lightness, 1 - lightness);
    return 255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return { r: channel(0), g: channel(8), b: channel(4), alpha };
}

/** The arguments of `rgb(...)`/`hsl(...)`, in either the comma or the space-and-slash syntax. */
function functionArguments(inner: string): string[] | undefined {
  if (inner.includes(',')) {
    const parts = inner.split(',').map((part) => part.trim());
    return parts.length === 3 || parts.length === 4 ? parts : undefined;
  }
  const [main = '', alpha, ...rest] = inner.split('/');
  if (rest.length > 0) return undefined;
  const parts = main.trim().split(/\s+/);
  if (parts.length !== 3) return undefined;
  return alpha === undefined ? parts : [...parts, alpha.trim()];
}

function fromFunction(name: string, inner: string): Rgba | undefined {
  const parts = functionArguments(inner);
  if (!parts) return undefined;
  const [first = '', second = '', third = '', alphaText = '1'] = parts;
  const alpha = amount(alphaText, 1);
  if (alpha === undefined) return undefined;
  if (name === 'rgb' || name === 'rgba') {
    // CSS takes three numbers or three percentages, not a mix.
    const channels = [first, second, third];
    if (new Set(channels.map((part) => part.endsWith('%'))).size > 1) return undefined;
    const [r, g, b] = channels.map((part) => amount(part, 255));
    if (r === undefined || g === undefined || b === undefined) return undefined;
    return { r: clamp(r, 255), g: clamp(g, 255), b: clamp(b, 255), alpha: clamp(alpha, 1) };
  }
  const h = hue(first);
  // Saturation and lightness as percentages, the form every browser reads.
  if (!second.endsWith('%') || !third.endsWith('%')) return undefined;
  const s = amount(second, 1);
  const l = amount(third, 1);
  if (h === undefined || s === undefined || l === undefined) return undefined;
  return fromHsl(((h % 360) + 360) % 360, s, l, clamp(alpha, 1));
}

/** The colour a CSS colour value names, or undefined when the value is not one of the accepted forms. */
export function parseColor(value: string): Rgba | undefined {
  const text = value.trim().toLowerCase();
  if (text.length > 100) return undefined;
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text);
  if (hex) return fromHex(hex[1]!);
  const named = namedColors.get(text);
  if (named) return fromHex(named);
  const call = /^(rgba?|hsla?)\(([^()]*)\)$/.exec(text);
  return call ? fromFunction(call[1]!, call[2]!) : undefined;
}

export function colorProblem(value: string): string | undefined {
  const color = parseColor(value);
  if (!color) {
    return 'must be a colour: #rrggbb, rgb(...), hsl(...) or a CSS colour name such as navy';
  }
  return color.alpha < 1
    ? 'must be opaque (no alpha), so that its contrast can be checked'
    : undefined;
}

/** `#rrggbb`, the only form in which a colour reaches a page. */
export function toHex({ r, g, b }: Rgba): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}
