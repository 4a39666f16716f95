import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { shippedTenantFiles } from '../../../src/tenant/shipped-tenants.js';
import { contrastFailures } from '../../../src/theme/pack/contrast.js';
import { assetErrors } from '../../../src/theme/pack/asset-checks.js';
import { resolveThemePack } from '../../../src/theme/pack/resolve-theme.js';
import { themeTokenNames } from '../../../src/theme/theme-tokens.js';
import { pngHeader } from '../../support/images.js';
import { rawFile, rawList, rawThemeSource } from '../../support/raw-files.js';
import { defaultTokens, errorsOf, memorySource, withBase } from '../../support/theme-sources.js';

const fixtures = 'test/fixtures/themes';

/** [fixture, every error it must produce] */
const brokenFixtures = [
  [
    'bad-colour',
    [
      `${fixtures}/bad-colour/theme.json: tokens.color-brand: must be a colour: #rrggbb, rgb(...), hsl(...) or a CSS colour name such as navy`,
    ],
  ],
  [
    'css-in-colour',
    [
      `${fixtures}/css-in-colour/theme.json: tokens.color-brand: must be a colour: #rrggbb, rgb(...), hsl(...) or a CSS colour name such as navy`,
    ],
  ],
  [
    'low-contrast',
    [
      `${fixtures}/low-contrast/theme.json: tokens.color-text-quiet: contrast 2.61:1 on color-surface (intros and hints) is below 4.5:1`,
      `${fixtures}/low-contrast/theme.json: tokens.color-text-quiet: contrast 2.37:1 on color-background (the language label and footer text, on their panel over a background image) is below 4.5:1`,
    ],
  ],
  [
    'dark-on-image',
    [
      `${fixtures}/dark-on-image/theme.json: tokens.color-text: contrast 1.09:1 on color-background (text on the page and in read-only fields) is below 4.5:1`,
      `${fixtures}/dark-on-image/theme.json: tokens.color-text-quiet: contrast 2.39:1 on color-background (the language label and footer text, on their panel over a background image) is below 4.5:1`,
      `${fixtures}/dark-on-image/theme.json: tokens.color-brand: contrast 2.71:1 on color-background (footer links, on their panel over a background image, and pressed toggles) is below 4.5:1`,
      `${fixtures}/dark-on-image/theme.json: tokens.color-focus: contrast 2.71:1 on color-background (focus rings on the page) is below 3:1`,
    ],
  ],
  [
    'dark-low-contrast',
    [
      `${fixtures}/dark-low-contrast/theme.json: dark.color-text-quiet: contrast 2.15:1 on color-surface in the dark scheme (intros and hints) is below 4.5:1`,
      `${fixtures}/dark-low-contrast/theme.json: dark.color-text-quiet: contrast 2.49:1 on color-background in the dark scheme (the language label and footer text, on their panel over a background image) is below 4.5:1`,
    ],
  ],
  [
    'four-problems',
    [
      `${fixtures}/four-problems/theme.json: colorScheme: Invalid option: expected one of "light"|"dark"`,
      `${fixtures}/four-problems/text/en.json: signInIntro: Too big: expected string to have <=300 characters`,
      `${fixtures}/four-problems/theme.json: tokens.color-text-quiet: contrast 2.61:1 on color-surface (intros and hints) is below 4.5:1`,
      `${fixtures}/four-problems/theme.json: tokens.color-text-quiet: contrast 2.37:1 on color-background (the language label and footer text, on their panel over a background image) is below 4.5:1`,
      `${fixtures}/four-problems/theme.json: assets.favicon: assets/favicon.svg does not exist`,
    ],
  ],
  [
    'missing-parent',
    [
      `${fixtures}/missing-parent/theme.json: extends: no theme pack "no-such-pack" (no ${fixtures}/no-such-pack/theme.json)`,
    ],
  ],
  [
    'loop-a',
    [
      `${fixtures}/loop-b/theme.json: extends: "loop-a" leads back to itself (loop-a -> loop-b -> loop-a)`,
    ],
  ],
  [
    'oversize-image',
    [
      `${fixtures}/oversize-image/assets/background.png: assets.background: is 4000x3000 pixels; at most 1920x1080`,
    ],
  ],
  [
    'svg-script',
    [
      `${fixtures}/svg-script/assets/banner-logo.svg: assets.bannerLogo: SVG must not contain event handlers (onload on <svg>)`,
      `${fixtures}/svg-script/assets/banner-logo.svg: assets.bannerLogo: SVG must not contain <script>`,
      `${fixtures}/svg-script/assets/banner-logo.svg: assets.bannerLogo: SVG must not contain <foreignObject>`,
      `${fixtures}/svg-script/assets/banner-logo.svg: assets.bannerLogo: SVG must not contain <iframe>`,
    ],
  ],
  [
    'long-text',
    [
      `${fixtures}/long-text/text/en.json: signInIntro: Too big: expected string to have <=300 characters`,
    ],
  ],
  [
    'markup-text',
    [
      `${fixtures}/markup-text/text/en.json: signInIntro: must be plain text, without markup or HTML entities`,
      `${fixtures}/markup-text/text/en.json: footerLinks.privacy.label: must be plain text, without markup or HTML entities`,
      `${fixtures}/markup-text/text/en.json: footerLinks.privacy.href: must be an absolute https URL`,
    ],
  ],
  [
    'missing-asset',
    [`${fixtures}/missing-asset/theme.json: assets.favicon: assets/favicon.svg does not exist`],
  ],
  [
    'unknown-field',
    [
      `${fixtures}/unknown-field/theme.json: tokens.color-brnad: unknown field`,
      `${fixtures}/unknown-field/theme.json: logo: unknown field`,
    ],
  ],
  [
    'wrong-type',
    [
      `${fixtures}/wrong-type/theme.json: colorScheme: Invalid option: expected one of "light"|"dark"`,
      `${fixtures}/wrong-type/theme.json: layout: Invalid option: expected one of "centered"|"split"`,
      `${fixtures}/wrong-type/theme.json: tokens: Invalid input: expected object, received string`,
    ],
  ],
] as const;

describe('theme/pack/resolve-theme', () => {
  describe('shipped packs', () => {
    let ids: string[] = [];
    before(async () => {
      ids = [...new Set((await rawList('themes')).map((path) => path.split('/')[1]!))];
    });

    it('are default, contoso, fabrikam and the dark midnight', () => {
      expect(ids).to.have.members(['default', 'contoso', 'fabrikam', 'midnight']);
    });

    it('each resolve with every token set and every contrast pair passing', async () => {
      for (const id of ids) {
        const result = await resolveThemePack(id, rawThemeSource('themes'));
        expect(result.ok ? [] : result.failure, id).to.deep.equal([]);
        if (!result.ok) continue;
        expect(Object.keys(result.value.tokens), id).to.have.members(themeTokenNames);
        expect(contrastFailures(result.value.tokens), id).to.deep.equal([]);
      }
    });

    it('include a dark pack, and brands with their own logo and background', async () => {
      const resolved = await Promise.all(
        ids.map((id) => resolveThemePack(id, rawThemeSource('themes'))),
      );
      const themes = resolved.flatMap((result) => (result.ok ? [result.value] : []));
      expect(
        themes.filter((theme) => theme.colorScheme === 'dark').map((theme) => theme.id),
      ).to.deep.equal(['midnight']);
      for (const brand of ['contoso', 'fabrikam']) {
        const theme = themes.find((candidate) => candidate.id === brand)!;
        expect(theme.assets.bannerLogo).to.equal(`${brand}/assets/banner-logo.svg`);
        expect(theme.assets.background).to.equal(`${brand}/assets/background.svg`);
      }
      // Read from the files, so that the pages hold the logo's place before it loads.
      expect(themes.find((theme) => theme.id === 'contoso')!.bannerLogoSize).to.deep.equal({
        width: 200,
        height: 48,
      });
      expect(themes.find((theme) => theme.id === 'midnight')!.bannerLogoSize).to.equal(undefined);
    });

    it('cover the theme of every shipped tenant', async () => {
      for (const [file, tenant] of Object.entries(shippedTenantFiles)) {
        const { theme } = tenant as { theme: string };
        expect(await rawFile(`themes/${theme}/theme.json`), `${file} names theme ${theme}`).to
          .exist;
      }
    });

    it('are served resolved, as the build emits them', async () => {
      for (const id of ids) {
        const result = await resolveThemePack(id, rawThemeSource('themes'));
        const served = await (await fetch(`/themes/${id}.json`)).json();
        expect(served, id).to.deep.equal(result.ok ? result.value : undefined);
      }
    });
  });

  describe('broken packs in test/fixtures/themes', () => {
    it('the fixtures extend a base pack that is itself valid', async () => {
      expect(await errorsOf('base', rawThemeSource(fixtures))).to.deep.equal([]);
    });

    for (const [fixture, expected] of brokenFixtures) {
      it(`${fixture} fails, naming the file and the field`, async () => {
        expect(await errorsOf(fixture, rawThemeSource(fixtures))).to.have.members([...expected]);
      });
    }
  });

  describe('a light and a dark scheme', () => {
    it('resolves both, the dark one with every colour, inherited ones included', async () => {
      const source = await withBase({
        'mem/x/theme.json': {
          id: 'x',
          name: 'X',
          extends: 'base',
          dark: {
            'color-background': '#0b1120',
            'color-surface': '#172033',
            'color-text': '#e8edf5',
            'color-text-quiet': '#b4c0d3',
            'color-brand': 'rgb(124, 196, 250)',
            'color-on-brand': '#0b1120',
            'color-border': '#8593ab',
            'color-error': '#ff9b94',
            'color-success': '#7ee2a8',
            'color-focus': '#ffd166',
          },
        },
      });
      const result = await resolveThemePack('x', source);
      expect(result.ok, JSON.stringify(result)).to.equal(true);
      const theme = result.ok ? result.value : undefined;
      expect(theme?.colorScheme).to.equal('light');
      expect(theme?.dark?.['color-brand']).to.equal('#7cc4fa');
      expect(theme?.tokens['color-background']).to.equal(
        (await defaultTokens())['color-background'],
      );
    });

    it('checks the dark scheme on its own, and only a light pack may have one', async () => {
      const source = await withBase({
        'mem/x/theme.json': {
          id: 'x',
          name: 'X',
          extends: 'base',
          colorScheme: 'dark',
          dark: { 'color-background': '#101010' },
        },
      });
      expect(await errorsOf('x', source)).to.include.members([
        'mem/x/theme.json: dark.color-text: contrast 1.14:1 on color-background in the dark scheme (text on the page and in read-only fields) is below 4.5:1',
        'mem/x/theme.json: dark: only a light pack ("colorScheme": "light") pairs a dark scheme',
      ]);
    });
  });

  describe('extends', () => {
    it('merges tokens, assets, text and links key by key, nearest pack first', async () => {
      const source = await withBase({
        'mem/base/theme.json': {
          id: 'base',
          name: 'Base',
          colorScheme: 'light',
          layout: 'centered',
          tokens: await defaultTokens(),
          assets: { favicon: 'assets/icon.svg' },
        },
        'mem/base/assets/icon.svg': '<svg width="16" height="16"></svg>',
        'mem/base/text/en.json': {
          usernameHint: 'Your work address',
          footerLinks: {
            privacy: { label: 'Privacy', href: 'https://base.example/privacy' },
            terms: { label: 'Terms', href: 'https://base.example/terms' },
          },
        },
        'mem/base/text/nl.json': {
          usernameHint: 'Je werkadres',
          footerLinks: {
            privacy: { label: 'Privacy', href: 'https://base.example/nl/privacy' },
            terms: { label: 'Voorwaarden', href: 'https://base.example/nl/terms' },
          },
        },
        'mem/base/text/sv.json': {
          usernameHint: 'Din jobbadress',
          footerLinks: {
            privacy: { label: 'Integritet', href: 'https://base.example/sv/privacy' },
            terms: { label: 'Villkor', href: 'https://base.example/sv/terms' },
          },
        },
        'mem/brand/theme.json': {
          id: 'brand',
          name: 'Brand',
          extends: 'base',
          tokens: { 'color-brand': 'navy' },
        },
        'mem/brand/text/en.json': {
          footerLinks: {
            privacy: { label: 'Privacy notice', href: 'https://brand.example/privacy' },
          },
        },
      });
      const result = await resolveThemePack('brand', source);
      expect(result.ok ? [] : result.failure).to.deep.equal([]);
      if (!result.ok) return;
      const theme = result.value;
      expect(theme.name).to.equal('Brand');
      expect(theme.tokens['color-brand']).to.equal('#000080');
      expect(theme.tokens['color-surface']).to.equal('#ffffff');
      expect(theme.assets).to.deep.equal({ favicon: 'base/assets/icon.svg' });
      expect(theme.text.en).to.deep.equal({
        usernameHint: 'Your work address',
        footerLinks: {
          privacy: { label: 'Privacy notice', href: 'https://brand.example/privacy' },
          terms: { label: 'Terms', href: 'https://base.example/terms' },
        },
      });
      expect(theme.text.nl?.footerLinks?.privacy?.href).to.equal('https://base.example/nl/privacy');
    });

    it('requires a pack that extends nothing to set every token, the colour scheme and the layout', async () => {
      const tokens: Record<string, string> = await defaultTokens();
      delete tokens['color-focus'];
      const source = memorySource({ 'mem/lone/theme.json': { id: 'lone', name: 'Lone', tokens } });
      expect(await errorsOf('lone', source)).to.have.members([
        'mem/lone/theme.json: tokens.color-focus: missing (a pack that extends nothing must set every token)',
        'mem/lone/theme.json: colorScheme: missing (a pack that extends nothing must set every token)',
        'mem/lone/theme.json: layout: missing (a pack that extends nothing must set every token)',
      ]);
    });

    it('reports a chain deeper than eight packs', async () => {
      const files: Record<string, unknown> = {};
      for (let level = 0; level < 10; level += 1) {
        files[`mem/p${level}/theme.json`] = {
          id: `p${level}`,
          name: `P${level}`,
          extends: `p${level + 1}`,
        };
      }
      expect(await errorsOf('p0', memorySource(files))).to.deep.equal([
        'mem/p7/theme.json: extends: more than 8 packs deep',
      ]);
    });

    it('reports a pack that extends itself', async () => {
      const source = memorySource({ 'mem/me/theme.json': { id: 'me', name: 'Me', extends: 'me' } });
      expect(await errorsOf('me', source)).to.deep.equal([
        'mem/me/theme.json: extends: "me" leads back to itself (me -> me)',
      ]);
    });
  });

  describe('manifest and text files', () => {
    /** [what, files besides base, expected errors for pack `x`] */
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['no theme.json', {}, ['mem/x/theme.json: (top level): does not exist']],
      [
        'invalid JSON',
        { 'mem/x/theme.json': '{ "id": "x",' },
        ['mem/x/theme.json: (top level): is not valid UTF-8 JSON'],
      ],
      [
        'an id that is not the folder',
        { 'mem/x/theme.json': { id: 'y', name: 'Y', extends: 'base' } },
        ['mem/x/theme.json: id: must be the folder name "x", not "y"'],
      ],
      [
        '__proto__ among the tokens',
        {
          'mem/x/theme.json':
            '{"id":"x","name":"X","extends":"base","tokens":{"__proto__":{"color-brand":"red"}}}',
        },
        ['mem/x/theme.json: tokens.__proto__: unknown field'],
      ],
      [
        'a length in a colour',
        {
          'mem/x/theme.json': {
            id: 'x',
            name: 'X',
            extends: 'base',
            tokens: { 'color-text': '12px' },
          },
        },
        [
          'mem/x/theme.json: tokens.color-text: must be a colour: #rrggbb, rgb(...), hsl(...) or a CSS colour name such as navy',
        ],
      ],
      [
        'a colour in a length',
        { 'mem/x/theme.json': { id: 'x', name: 'X', extends: 'base', tokens: { radius: 'red' } } },
        [
          'mem/x/theme.json: tokens.radius: must be a length in px, rem or em, such as 1rem or 16px',
        ],
      ],
      [
        'CSS in a length',
        {
          'mem/x/theme.json': {
            id: 'x',
            name: 'X',
            extends: 'base',
            tokens: { 'space-4': '1rem;display:none' },
          },
        },
        [
          'mem/x/theme.json: tokens.space-4: must be a length in px, rem or em, such as 1rem or 16px',
        ],
      ],
      [
        'a font size that breaks the layout',
        {
          'mem/x/theme.json': {
            id: 'x',
            name: 'X',
            extends: 'base',
            tokens: { 'font-size': '5rem' },
          },
        },
        [
          'mem/x/theme.json: tokens.font-size: must be between 14px and 24px (1rem = 16px), not 5rem',
        ],
      ],
      [
        'CSS in a font family',
        {
          'mem/x/theme.json': {
            id: 'x',
            name: 'X',
            extends: 'base',
            tokens: { 'font-family': 'Arial; } body { display: none' },
          },
        },
        [
          "mem/x/theme.json: tokens.font-family: must be a comma-separated list of font names such as 'Segoe UI', Roboto, sans-serif",
        ],
      ],
      [
        'a font list without a generic family',
        {
          'mem/x/theme.json': {
            id: 'x',
            name: 'X',
            extends: 'base',
            tokens: { 'font-family': 'Georgia' },
          },
        },
        [
          'mem/x/theme.json: tokens.font-family: must end with a generic family (serif, sans-serif, monospace, cursive, fantasy, system-ui, ui-serif, ui-sans-serif, ui-monospace, ui-rounded) for when no named font is available',
        ],
      ],
      [
        'an asset outside assets/',
        {
          'mem/x/theme.json': {
            id: 'x',
            name: 'X',
            extends: 'base',
            assets: { favicon: '../base/theme.json' },
          },
        },
        [
          'mem/x/theme.json: assets.favicon: must name a .svg, .png or .jpg file in assets/, such as assets/logo.svg',
        ],
      ],
      [
        'split without a background',
        { 'mem/x/theme.json': { id: 'x', name: 'X', extends: 'base', layout: 'split' } },
        ['mem/x/theme.json: layout: "split" needs an image in assets.background'],
      ],
      [
        'markup in the name',
        {
          'mem/x/theme.json': {
            id: 'x',
            name: '<img src=x onerror=window.__gateXss=1>',
            extends: 'base',
          },
        },
        ['mem/x/theme.json: name: must be plain text, without markup or HTML entities'],
      ],
      [
        'a bidi override in text',
        {
          'mem/x/theme.json': { id: 'x', name: 'X', extends: 'base' },
          'mem/x/text/en.json': { usernameHint: 'moc.elpmaxe\u202e' },
          'mem/x/text/nl.json': { usernameHint: 'a' },
          'mem/x/text/sv.json': { usernameHint: 'a' },
        },
        ['mem/x/text/en.json: usernameHint: must not contain control characters or bidi overrides'],
      ],
      [
        'an http link',
        {
          'mem/x/theme.json': { id: 'x', name: 'X', extends: 'base' },
          'mem/x/text/en.json': {
            footerLinks: { terms: { label: 'Terms', href: 'http://x.example/terms' } },
          },
          'mem/x/text/nl.json': {
            footerLinks: { terms: { label: 'Voorwaarden', href: 'https://x.example/terms' } },
          },
          'mem/x/text/sv.json': {
            footerLinks: { terms: { label: 'Villkor', href: 'https://x.example/terms' } },
          },
        },
        ['mem/x/text/en.json: footerLinks.terms.href: must be an absolute https URL'],
      ],
      [
        'text missing in one locale',
        {
          'mem/x/theme.json': { id: 'x', name: 'X', extends: 'base' },
          'mem/x/text/en.json': { usernameHint: 'Your email', signInIntro: 'Welcome' },
          'mem/x/text/nl.json': { usernameHint: 'Je e-mail' },
        },
        [
          'mem/x/text/nl.json: signInIntro: missing (another locale sets it; every locale needs the same text)',
          'mem/x/text/sv.json: usernameHint: missing (another locale sets it; every locale needs the same text)',
          'mem/x/text/sv.json: signInIntro: missing (another locale sets it; every locale needs the same text)',
        ],
      ],
      [
        'an unknown text field',
        {
          'mem/x/theme.json': { id: 'x', name: 'X', extends: 'base' },
          'mem/x/text/en.json': { signInHtml: '<b>hi</b>' },
        },
        ['mem/x/text/en.json: signInHtml: unknown field'],
      ],
    ];

    for (const [what, files, expected] of cases) {
      it(`reports ${what}`, async () => {
        const errors = await errorsOf('x', await withBase(files));
        // JSON.parse words its reason differently per engine; compare up to it.
        expect(
          errors.map((error) => error.replace(/(not valid UTF-8 JSON) \(.*\)$/, '$1')),
        ).to.have.members(expected);
      });
    }

    const hintErrors = async (hint: string) => {
      const files = Object.fromEntries(
        ['en', 'nl', 'sv'].map((locale) => [`mem/x/text/${locale}.json`, { usernameHint: hint }]),
      );
      return errorsOf(
        'x',
        await withBase({ 'mem/x/theme.json': { id: 'x', name: 'X', extends: 'base' }, ...files }),
      );
    };
    const plainCharacter = fc.constantFrom(
      ...'aZ09 .,:!?-()\'"/@é€→😀漢',
      'a < b',
      '<3',
      'R&D',
      '&',
    );
    const plainHint = fc
      .array(plainCharacter, { minLength: 1, maxLength: 40 })
      .map((parts) => parts.join('').slice(0, 200));
    const badPiece = fc.constantFrom(
      '<b>',
      '<script>',
      '<img src=x onerror=window.__gateXss=1>',
      '</p>',
      '<!--',
      '&amp;',
      '&#60;',
      '\u202e',
      '\u2066',
      '\u0007',
      '\n',
    );

    it('accepts plain text of any characters, up to its length', async () => {
      await fc.assert(
        fc.asyncProperty(plainHint, async (hint) => {
          expect(await hintErrors(hint), hint).to.deep.equal([]);
        }),
        { numRuns: 50 },
      );
    });

    it('refuses text with markup, entities, controls or bidi overrides anywhere in it', async () => {
      await fc.assert(
        fc.asyncProperty(plainHint, badPiece, fc.nat(), async (hint, bad, at) => {
          const position = at % (hint.length + 1);
          const errors = await hintErrors(
            hint.slice(0, position) + bad + hint.slice(position, 150),
          );
          expect(errors).to.have.length(3);
        }),
        { numRuns: 50 },
      );
    });

    it('refuses 10,000 characters of text', async () => {
      expect(await hintErrors('a'.repeat(10_000))).to.have.members(
        ['en', 'nl', 'sv'].map(
          (locale) =>
            `mem/x/text/${locale}.json: usernameHint: Too big: expected string to have <=200 characters`,
        ),
      );
    });
  });

  describe('assets', () => {
    const megabytes = (count: number, header: Uint8Array) => {
      const bytes = new Uint8Array(count * 1024 * 1024);
      bytes.set(header);
      return bytes;
    };

    /** [what, kind, file, bytes, expected errors] */
    const cases = [
      [
        'a 20 MB background',
        'background',
        'p/assets/bg.png',
        megabytes(20, pngHeader(1920, 1080)),
        ['p/assets/bg.png: assets.background: is 20.0 MB; at most 300 KB'],
      ],
      ['a background at the limit', 'background', 'p/assets/bg.png', pngHeader(1920, 1080), []],
      [
        'a background one pixel too wide',
        'background',
        'p/assets/bg.png',
        pngHeader(1921, 1080),
        ['p/assets/bg.png: assets.background: is 1921x1080 pixels; at most 1920x1080'],
      ],
      [
        'a banner logo at the limit',
        'bannerLogo',
        'p/assets/logo.svg',
        new TextEncoder().encode('<svg width="280" height="60"/>'),
        [],
      ],
      [
        'a banner logo too tall',
        'bannerLogo',
        'p/assets/logo.svg',
        new TextEncoder().encode('<svg viewBox="0 0 280 61"/>'),
        ['p/assets/logo.svg: assets.bannerLogo: is 280x61 pixels; at most 280x60'],
      ],
      [
        'an SVG named .png',
        'bannerLogo',
        'p/assets/logo.png',
        new TextEncoder().encode('<svg width="10" height="10"/>'),
        ['p/assets/logo.png: assets.bannerLogo: holds SVG data, but its name ends in .png'],
      ],
      [
        'a JPEG banner logo',
        'bannerLogo',
        'p/assets/logo.jpg',
        new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
        ['p/assets/logo.jpg: assets.bannerLogo: must be SVG or PNG'],
      ],
      [
        'text named .svg',
        'favicon',
        'p/assets/icon.svg',
        new TextEncoder().encode('hello'),
        ['p/assets/icon.svg: assets.favicon: is not a PNG, JPEG or SVG image'],
      ],
      [
        'an SVG without a size',
        'favicon',
        'p/assets/icon.svg',
        new TextEncoder().encode('<svg></svg>'),
        [
          'p/assets/icon.svg: assets.favicon: has no readable size (SVG needs width and height in px, or a viewBox)',
        ],
      ],
      [
        'a favicon too large',
        'favicon',
        'p/assets/icon.png',
        pngHeader(512, 512),
        ['p/assets/icon.png: assets.favicon: is 512x512 pixels; at most 64x64'],
      ],
    ] as const;

    for (const [what, kind, file, bytes, expected] of cases) {
      it(`checks ${what}`, () => {
        expect(assetErrors(kind, file, bytes)).to.deep.equal([...expected]);
      });
    }
  });
});
