/**
 * The checks of token values by kind, used by the pack schemas (build, server, and the browser's
 * loader for packs it fetches); apart from theme-tokens.ts so that the first load need not carry them.
 */
import type { LengthToken } from './theme-tokens.js';

/** The form every colour takes once resolved: what the browser accepts from a resolved pack. */
export const resolvedColorPattern = /^#[0-9a-f]{6}$/;

const lengthPattern = /^(?:0|(\d{1,3}(?:\.\d{1,4})?)(px|rem|em))$/;

/** `1.5rem` -> 24; undefined for anything that is not a plain px, rem or em length. */
function lengthInPixels(value: string): number | undefined {
  const match = lengthPattern.exec(value);
  if (!match) return undefined;
  if (value === '0') return 0;
  const amount = Number(match[1]);
  return match[2] === 'px' ? amount : amount * 16;
}

export function lengthProblem(value: string, { min, max }: LengthToken): string | undefined {
  const pixels = lengthInPixels(value);
  if (pixels === undefined) return 'must be a length in px, rem or em, such as 1rem or 16px';
  if (pixels < min || pixels > max) {
    return `must be between ${min}px and ${max}px (1rem = 16px), not ${value}`;
  }
  return undefined;
}

const familyName = String.raw`(?:'[A-Za-z0-9 _-]+'|"[A-Za-z0-9 _-]+"|-?[A-Za-z][A-Za-z0-9-]*(?: [A-Za-z][A-Za-z0-9-]*)*)`;
const familyList = new RegExp(`^${familyName}(?:, ?${familyName})*$`);
const genericFamilies = [
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
];

export function fontFamilyProblem(value: string): string | undefined {
  if (value.length > 200 || !familyList.test(value)) {
    return "must be a comma-separated list of font names such as 'Segoe UI', Roboto, sans-serif";
  }
  const last = value.slice(value.lastIndexOf(',') + 1).trim();
  return genericFamilies.includes(last)
    ? undefined
    : `must end with a generic family (${genericFamilies.join(', ')}) for when no named font is available`;
}
