import { expect } from '@open-wc/testing';
import {
  assetPath,
  draftFile,
  fileProblem,
  slotProblems,
  withAsset,
  withoutFont,
} from '../../src/studio/pack-assets.js';
import type { PackDraft } from '../../src/studio/pack-draft.js';

const bytes = (length: number) => new Uint8Array(length);

const draft = (manifest: PackDraft['manifest'] = {}): PackDraft => ({
  id: 'northwind',
  manifest: { id: 'northwind', name: 'Northwind', ...manifest },
  text: {},
});

describe('studio: files dropped into a pack', () => {
  it('names an image after its field and keeps its extension, lower-case', () => {
    expect(assetPath('bannerLogo', 'My Logo (final).PNG')).to.equal('assets/banner-logo.png');
    expect(assetPath('background', 'hero.jpeg')).to.equal('assets/background.jpeg');
    expect(assetPath('favicon', 'icon.gif')).to.equal('assets/favicon.gif');
  });

  it('makes a font its own plain name in assets/, whatever the name dropped', () => {
    expect(assetPath('font', 'Brand Sans Bold.woff2')).to.equal('assets/brand-sans-bold.woff2');
    expect(assetPath('font', '../../etc/passwd.woff2')).to.equal('assets/etc-passwd.woff2');
    expect(assetPath('font', '.woff2')).to.equal('assets/font.woff2');
  });

  it('refuses a file of a type or size its field does not take', () => {
    expect(fileProblem('bannerLogo', 'logo.jpg', 100)).to.deep.equal({
      kind: 'type',
      extensions: ['svg', 'png'],
    });
    expect(fileProblem('background', 'hero.JPG', 100)).to.equal(undefined);
    expect(fileProblem('favicon', 'icon.svg', 10 * 1024 + 1)).to.deep.equal({
      kind: 'size',
      bytes: 10 * 1024 + 1,
      maxBytes: 10 * 1024,
    });
    expect(fileProblem('font', 'brand.ttf', 100)?.kind).to.equal('type');
    expect(fileProblem('font', 'brand.woff2', 100 * 1024)).to.equal(undefined);
  });

  it('points theme.json at the file and drops the file it replaces', () => {
    const png = draftFile('assets/banner-logo.png', bytes(8));
    const once = withAsset(draft(), 'bannerLogo', 0, 'a.png', png, '');
    expect(once.manifest['assets']).to.deep.equal({ bannerLogo: 'assets/banner-logo.png' });
    const svg = draftFile('assets/banner-logo.svg', bytes(8));
    const twice = withAsset(once, 'bannerLogo', 0, 'b.svg', svg, '');
    expect(twice.manifest['assets']).to.deep.equal({ bannerLogo: 'assets/banner-logo.svg' });
    expect(Object.keys(twice.files ?? {})).to.deep.equal(['assets/banner-logo.svg']);
  });

  it('adds a face of the first family font-family names, and removes it again', () => {
    const woff2 = draftFile('assets/brand-bold-italic.woff2', bytes(8));
    const added = withAsset(
      draft(),
      'font',
      0,
      'Brand-Bold-Italic.woff2',
      woff2,
      "'Brand Sans', Arial, sans-serif",
    );
    expect(added.manifest['fonts']).to.deep.equal([
      {
        family: 'Brand Sans',
        file: 'assets/brand-bold-italic.woff2',
        weight: 700,
        style: 'italic',
      },
    ]);
    const removed = withoutFont(added, 0);
    expect(removed.manifest).to.not.have.property('fonts');
    expect(removed.files).to.deep.equal({});
  });

  it("finds the checker's problems of a field, whichever file they name", () => {
    const problems = [
      'themes/northwind/assets/banner-logo.png: assets.bannerLogo: is 12 KB; at most 10 KB',
      'themes/northwind/theme.json: fonts[1].file: is not a WOFF2 font',
      'themes/northwind/theme.json: tokens.color-text: contrast',
    ];
    expect(slotProblems(problems, 'bannerLogo', 0)).to.deep.equal(['is 12 KB; at most 10 KB']);
    expect(slotProblems(problems, 'font', 1)).to.deep.equal(['is not a WOFF2 font']);
    expect(slotProblems(problems, 'font', 0)).to.deep.equal([]);
  });
});
