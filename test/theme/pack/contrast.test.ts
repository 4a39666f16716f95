import { expect } from '@open-wc/testing';
import { parseColor } from '../../../src/theme/pack/color.js';
import { contrastRatio, formatRatio, relativeLuminance } from '../../../src/theme/pack/contrast.js';

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
  it('gives black a luminance of 0 and white 1', () => {
    expect(relativeLuminance(parseColor('black')!)).to.equal(0);
    expect(relativeLuminance(parseColor('white')!)).to.equal(1);
  });

  for (const [foreground, background, ratio] of ratios) {
    it(`measures ${foreground} on ${background} at ${ratio}:1`, () => {
      const measured = contrastRatio(parseColor(foreground)!, parseColor(background)!);
      expect(measured.toFixed(2)).to.equal(ratio);
    });
  }

  it('prints a ratio just under a minimum as failing, never rounded up to it', () => {
    expect(formatRatio(4.4999)).to.equal('4.49:1');
    expect(formatRatio(2.999)).to.equal('2.99:1');
    expect(formatRatio(21)).to.equal('21.00:1');
  });
});
