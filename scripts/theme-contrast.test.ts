/**
 * The contrast the theme check demands (src/theme/pack/contrast.ts): every pair has a fixture that
 * fails it and one that passes it, on either side of its own minimum, so that a pair dropped from
 * the check, or judged at the wrong minimum, fails here. Run by node so that mutation testing
 * (`npm run test:mutation`) can run it too.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseColor } from '../src/theme/pack/color.js';
import {
  contrastFailures,
  contrastRatio,
  formatRatio,
  relativeLuminance,
} from '../src/theme/pack/contrast.js';
import type { ThemeTokenName } from '../src/theme/theme-tokens.js';

/** [foreground, background, minimum]: the pairs a page draws (docs/theming.md). */
const pairs = [
  ['color-text', 'color-surface', 4.5],
  ['color-text', 'color-background', 4.5],
  ['color-text-quiet', 'color-surface', 4.5],
  ['color-text-quiet', 'color-background', 4.5],
  ['color-on-brand', 'color-brand', 4.5],
  ['color-brand', 'color-surface', 4.5],
  ['color-brand', 'color-background', 4.5],
  ['color-error', 'color-surface', 4.5],
  ['color-success', 'color-surface', 4.5],
  ['color-on-brand', 'color-error', 3],
  ['color-border', 'color-surface', 3],
  ['color-focus', 'color-surface', 3],
  ['color-focus', 'color-background', 3],
] as const satisfies readonly (readonly [ThemeTokenName, ThemeTokenName, 4.5 | 3])[];

/** Greys on white just under and just over each minimum: 4.48 / 4.54 and 2.99 / 3.03. */
const greys = { 4.5: ['#777777', '#767676'], 3: ['#959595', '#949494'] } as const;

const base = (
  JSON.parse(readFileSync('test/fixtures/themes/base/theme.json', 'utf8')) as {
    tokens: Record<ThemeTokenName, string>;
  }
).tokens;

const failing = (tokens: Record<ThemeTokenName, string>) =>
  contrastFailures(tokens).map((failure) => `${failure.foreground} on ${failure.background}`);

/** [foreground, background, ratio to two decimals], from WebAIM's contrast checker. */
const ratios = [
  ['#000000', '#ffffff', '21.00'],
  ['#ffffff', '#ffffff', '1.00'],
  ['#767676', '#ffffff', '4.54'],
  ['#777777', '#ffffff', '4.48'],
  ['#0b5cad', '#ffffff', '6.67'],
  ['#949494', '#ffffff', '3.03'],
  ['#ffffff', '#0b5cad', '6.67'],
] as const;

describe('theme/contrast', () => {
  it('passes the fixture base pack', () => {
    assert.deepEqual(contrastFailures(base), []);
  });

  for (const [foreground, background, minimum] of pairs) {
    it(`fails ${foreground} on ${background} under ${minimum}:1, and only there`, () => {
      const [under, over] = greys[minimum];
      const tokens = (grey: string) => ({ ...base, [background]: '#ffffff', [foreground]: grey });
      const name = `${foreground} on ${background}`;
      assert.ok(failing(tokens(under)).includes(name), `${under} passed`);
      assert.ok(!failing(tokens(over)).includes(name), `${over} failed`);
      const failure = contrastFailures(tokens(under)).find(
        (each) => each.foreground === foreground && each.background === background,
      )!;
      assert.equal(failure.minimum, minimum);
      assert.ok(failure.where.length > 5, 'says where the pair appears');
      assert.equal(formatRatio(failure.ratio), minimum === 3 ? '2.99:1' : '4.47:1');
    });
  }

  it('judges exactly these pairs: all of them fail when every colour is the same', () => {
    const flat = Object.fromEntries(
      Object.entries(base).map(([name, value]) => [
        name,
        value.startsWith('#') ? '#808080' : value,
      ]),
    ) as Record<ThemeTokenName, string>;
    assert.deepEqual(
      failing(flat).sort(),
      pairs.map(([foreground, background]) => `${foreground} on ${background}`).sort(),
    );
  });

  it('leaves out a pair with a colour it cannot read', () => {
    assert.deepEqual(contrastFailures({ ...base, 'color-text': 'not a colour' }), []);
  });

  it('gives black a luminance of 0 and white 1', () => {
    assert.equal(relativeLuminance(parseColor('black')!), 0);
    assert.equal(relativeLuminance(parseColor('white')!), 1);
  });

  it('measures dark channels on the linear part of the sRGB curve', () => {
    // 10/255 is under 0.04045: divided by 12.92, not raised to 2.4.
    assert.equal(
      contrastRatio(parseColor('#0a0a0a')!, parseColor('#000000')!).toFixed(4),
      '1.0607',
    );
  });

  it('measures ratios as WebAIM does, in either order', () => {
    for (const [foreground, background, ratio] of ratios) {
      const measured = contrastRatio(parseColor(foreground)!, parseColor(background)!);
      assert.equal(measured.toFixed(2), ratio, `${foreground} on ${background}`);
    }
  });

  it('prints a ratio just under a minimum as failing, never rounded up to it', () => {
    assert.equal(formatRatio(4.4999), '4.49:1');
    assert.equal(formatRatio(2.999), '2.99:1');
    assert.equal(formatRatio(21), '21.00:1');
  });
});
