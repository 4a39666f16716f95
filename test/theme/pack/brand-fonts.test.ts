import { expect } from '@open-wc/testing';
import { resolveThemePack } from '../../../src/theme/pack/resolve-theme.js';
import { addFontFaces } from '../../../src/theme/runtime/theme-extras.js';
import { rawFile } from '../../support/raw-files.js';
import { errorsOf, withBase } from '../../support/theme-sources.js';

const shippedFace = 'themes/fabrikam/assets/atkinson-hyperlegible-400.woff2';
const face = { family: 'Brand Sans', file: 'assets/brand.woff2' };
const tokens = { 'font-family': "'Brand Sans', system-ui, sans-serif" };

/** A pack `p` extending the base, with `fonts` and the files given. */
async function packWith(fonts: unknown, files: Record<string, unknown> = {}, own = tokens) {
  return withBase({
    'mem/p/theme.json': { id: 'p', name: 'P', extends: 'base', tokens: own, fonts },
    ...files,
  });
}

/** `bytes` long, starting as a WOFF2 file does. */
function woff2Of(bytes: number): Uint8Array {
  const data = new Uint8Array(bytes);
  data.set(new TextEncoder().encode('wOF2'));
  return data;
}

describe('theme/pack brand fonts', () => {
  it('resolves a pack with WOFF2 faces: where each lives, its weight and style', async () => {
    const woff2 = (await rawFile(shippedFace))!;
    const source = await packWith(
      [face, { ...face, file: 'assets/brand-bold.woff2', weight: 700, style: 'italic' }],
      { 'mem/p/assets/brand.woff2': woff2, 'mem/p/assets/brand-bold.woff2': woff2 },
    );
    const result = await resolveThemePack('p', source);
    expect(result.ok && result.value.fonts).to.deep.equal([
      { family: 'Brand Sans', src: 'p/assets/brand.woff2', weight: 400, style: 'normal' },
      { family: 'Brand Sans', src: 'p/assets/brand-bold.woff2', weight: 700, style: 'italic' },
    ]);
  });

  it("inherits a parent's fonts whole, from the parent's folder", async () => {
    const source = await withBase({
      'mem/p/theme.json': { id: 'p', name: 'P', extends: 'base', tokens, fonts: [face] },
      'mem/p/assets/brand.woff2': woff2Of(2000),
      'mem/child/theme.json': { id: 'child', name: 'Child', extends: 'p' },
    });
    const result = await resolveThemePack('child', source);
    expect(result.ok && result.value.fonts?.map((font) => font.src)).to.deep.equal([
      'p/assets/brand.woff2',
    ]);
  });

  it('refuses a face over 100 KB, one that is not WOFF2, and one that does not exist, all at once', async () => {
    const source = await packWith(
      [face, { ...face, file: 'assets/plain.woff2' }, { ...face, file: 'assets/gone.woff2' }],
      {
        'mem/p/assets/brand.woff2': woff2Of(150 * 1024),
        'mem/p/assets/plain.woff2': new Uint8Array([0, 1, 0, 0, 0, 12]),
      },
    );
    expect(await errorsOf('p', source)).to.deep.equal([
      'mem/p/theme.json: fonts[0].file: is 150 KB; at most 100 KB (subset the font to the scripts you need)',
      'mem/p/theme.json: fonts[1].file: is not a WOFF2 font',
      'mem/p/theme.json: fonts[2].file: assets/gone.woff2 does not exist',
    ]);
  });

  it('refuses a family that the font tokens do not name, since no text would use it', async () => {
    const source = await packWith(
      [face],
      { 'mem/p/assets/brand.woff2': woff2Of(2000) },
      {
        'font-family': 'Georgia, serif',
      },
    );
    expect(await errorsOf('p', source)).to.deep.equal([
      'mem/p/theme.json: fonts[0].family: "Brand Sans" is not named in tokens.font-family, so no text would use it',
    ]);
  });

  it('takes only .woff2 files in assets/, and font names that are safe as CSS text', async () => {
    const source = await packWith([{ family: 'Brand"; } body { x', file: 'assets/brand.ttf' }]);
    const errors = await errorsOf('p', source);
    expect(errors).to.include(
      'mem/p/theme.json: fonts[0].family: must be a font name of letters, digits, spaces and hyphens',
    );
    expect(errors).to.include(
      'mem/p/theme.json: fonts[0].file: must name a .woff2 file in assets/, such as assets/brand-regular.woff2',
    );
  });

  it('adds the faces to the document, where text that names the family loads them', async () => {
    addFontFaces({
      fonts: [{ family: 'Gate Test Face', src: `/${shippedFace}`, weight: 400, style: 'normal' }],
    } as Parameters<typeof addFontFaces>[0]);
    const loaded = await document.fonts.load('16px "Gate Test Face"');
    expect(loaded.map((font) => [font.family, font.status, font.display])).to.deep.equal([
      ['"Gate Test Face"', 'loaded', 'swap'],
    ]);
  });
});
