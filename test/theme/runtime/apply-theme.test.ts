import { expect, html } from '@open-wc/testing';
import { applyTheme } from '../../../src/theme/runtime/apply-theme.js';
import { applyFavicon } from '../../../src/theme/runtime/theme-extras.js';
import { loadTheme, preloadTheme } from '../../../src/theme/runtime/load-theme.js';
import type { ResolvedTheme } from '../../../src/theme/resolved-theme.schema.js';
import { themeCss } from '../../../src/theme/runtime/theme-css.js';
import {
  colorTokenNames,
  themeTokenNames,
  tokenProperty,
} from '../../../src/theme/theme-tokens.js';
import type { GateSignInPage } from '../../../src/pages/sign-in-page.js';
import '../../../src/pages/sign-in-page.js';
import { getByLabelText, getByRole } from '../../support/dom.js';
import { pageFixture } from '../../support/fixtures.js';

function type(input: HTMLElement, value: string) {
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

/** `#0b5cad` as getComputedStyle writes it. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe('theme/apply-theme', () => {
  let contoso: ResolvedTheme;
  let fabrikam: ResolvedTheme;
  before(async () => {
    [contoso, fabrikam] = await Promise.all([loadTheme('contoso'), loadTheme('fabrikam')]);
  });

  it('swaps pack A for pack B on a sign-in page, keeping what the user typed', async () => {
    const page = await pageFixture<GateSignInPage>(html`<gate-sign-in-page></gate-sign-in-page>`);
    const container = page.parentElement!;
    type(getByLabelText(page, 'Email Address'), 'ada@contoso.example');
    type(getByLabelText(page, 'Password'), 'correct horse battery staple');
    const button = () => getByRole(page, 'button', { name: 'Sign in' });

    applyTheme(container, contoso);
    expect(getComputedStyle(button()).backgroundColor).to.equal(rgb(contoso.tokens['color-brand']));
    expect(getComputedStyle(container).backgroundColor).to.equal(
      rgb(contoso.tokens['color-background']),
    );
    await expect(page).to.be.accessible();

    const buttonBefore = button();
    applyTheme(container, fabrikam);
    expect(getComputedStyle(button()).backgroundColor).to.equal(
      rgb(fabrikam.tokens['color-brand']),
    );
    expect(getComputedStyle(button()).color).to.equal(rgb(fabrikam.tokens['color-on-brand']));
    expect(getComputedStyle(container).backgroundColor).to.equal(
      rgb(fabrikam.tokens['color-background']),
    );
    expect(getComputedStyle(container).backgroundImage).to.contain(
      '/themes/fabrikam/assets/background.svg',
    );
    expect(getComputedStyle(button()).fontFamily).to.contain('Atkinson Hyperlegible');
    await expect(page).to.be.accessible();

    expect(button()).to.equal(buttonBefore);
    expect((getByLabelText(page, 'Email Address') as HTMLInputElement).value).to.equal(
      'ada@contoso.example',
    );
    expect((getByLabelText(page, 'Password') as HTMLInputElement).value).to.equal(
      'correct horse battery staple',
    );
  });

  it('passes axe, contrast included, with every shipped pack', async () => {
    const page = await pageFixture<GateSignInPage>(
      html`<gate-sign-in-page show-reset-link></gate-sign-in-page>`,
    );
    for (const id of ['default', 'contoso', 'fabrikam', 'midnight']) {
      applyTheme(page.parentElement!, await loadTheme(id));
      await expect(page, id).to.be.accessible();
    }
    expect(getComputedStyle(page.parentElement!).colorScheme).to.equal('dark');
  });

  it('adopts one sheet per pack and root, however often a pack is applied', async () => {
    const page = await pageFixture<GateSignInPage>(html`<gate-sign-in-page></gate-sign-in-page>`);
    applyTheme(page.parentElement!, contoso);
    const count = document.adoptedStyleSheets.length;
    applyTheme(page.parentElement!, fabrikam);
    applyTheme(page.parentElement!, contoso);
    applyTheme(page.parentElement!, fabrikam);
    expect(document.adoptedStyleSheets.length).to.be.at.most(count + 1);
  });

  it('beats the base theme on the same element, and loses to the host page’s own CSS', async () => {
    await pageFixture(html`<p>base adopted</p>`);
    const root = document.documentElement;
    const brand = () => getComputedStyle(root).getPropertyValue('--gate-color-brand').trim();
    applyTheme(root, fabrikam);
    expect(brand()).to.equal(fabrikam.tokens['color-brand']);
    const host = new CSSStyleSheet();
    host.replaceSync(':root { --gate-color-brand: #123456; }');
    document.adoptedStyleSheets = [host, ...document.adoptedStyleSheets];
    expect(brand()).to.equal('#123456');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== host);
    root.removeAttribute('data-gate-theme');
    root.removeAttribute('data-gate-layout');
  });

  it('needs a container in a document', () => {
    expect(() => applyTheme(document.createElement('div'), contoso)).to.throw(/in a document/);
  });

  it('points the favicon at the pack’s, and drops it for a pack without one', () => {
    applyFavicon(document, contoso);
    const icon = () => document.head.querySelectorAll<HTMLLinkElement>('link[rel="icon"]');
    expect(icon()).to.have.length(1);
    expect(icon()[0]!.href).to.equal(contoso.assets.favicon);
    applyFavicon(document, fabrikam);
    expect(icon()).to.have.length(1);
    expect(icon()[0]!.href).to.equal(fabrikam.assets.favicon);
    applyFavicon(document, { ...fabrikam, assets: {} });
    expect(icon()).to.have.length(0);
  });
});

describe('theme/theme-css', () => {
  it('declares the layer order, then the pack’s custom properties in one gate-theme layer', async () => {
    const theme = await loadTheme('midnight');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(themeCss(theme));
    const [order, layer, ...rest] = [...sheet.cssRules];
    expect(rest).to.have.length(0);
    expect((order as CSSLayerStatementRule).nameList).to.deep.equal(['gate-base', 'gate-theme']);
    expect((layer as CSSLayerBlockRule).name).to.equal('gate-theme');
    const [rule, ...others] = [...(layer as CSSLayerBlockRule).cssRules] as CSSStyleRule[];
    expect(others).to.have.length(0);
    expect(rule!.selectorText).to.equal(':where([data-gate-theme="midnight"])');
    const properties = [...rule!.style];
    expect(properties).to.have.members([
      'color-scheme',
      ...themeTokenNames.map(tokenProperty),
      '--gate-background-image',
    ]);
    expect(rule!.style.getPropertyValue('--gate-background-image')).to.equal(
      `url("${theme.assets.background}")`,
    );
  });

  it('puts a dark scheme’s colours under prefers-color-scheme: dark, in the same layer', async () => {
    const midnight = await loadTheme('midnight');
    const contoso = await loadTheme('contoso');
    const dark = Object.fromEntries(colorTokenNames.map((name) => [name, midnight.tokens[name]]));
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(themeCss({ ...contoso, dark } as ResolvedTheme));
    const layer = sheet.cssRules[1] as CSSLayerBlockRule;
    const [light, media] = [...layer.cssRules] as [CSSStyleRule, CSSMediaRule];
    expect(light.style.getPropertyValue('--gate-color-background')).to.equal(
      contoso.tokens['color-background'],
    );
    expect(media.conditionText).to.equal('(prefers-color-scheme: dark)');
    const rule = media.cssRules[0] as CSSStyleRule;
    expect(rule.selectorText).to.equal(':where([data-gate-theme="contoso"])');
    expect(rule.style.getPropertyValue('color-scheme')).to.equal('dark');
    expect([...rule.style]).to.have.members([
      'color-scheme',
      ...colorTokenNames.map(tokenProperty),
    ]);
    expect(rule.style.getPropertyValue('--gate-color-background')).to.equal(
      midnight.tokens['color-background'],
    );
  });

  it('keeps a hostile asset URL inside its CSS string', () => {
    const theme = {
      id: 'x',
      name: 'X',
      colorScheme: 'light',
      layout: 'centered',
      tokens: Object.fromEntries(themeTokenNames.map((name) => [name, '0'])),
      assets: { background: 'https://x.example/a.svg") } body { display: none } a { b: url("' },
      text: {},
    } as unknown as ResolvedTheme;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(themeCss(theme));
    expect(sheet.cssRules).to.have.length(2);
    expect((sheet.cssRules[1] as CSSLayerBlockRule).cssRules.length).to.equal(1);
  });
});

describe('theme/load-theme', () => {
  it('loads a resolved pack with absolute asset URLs', async () => {
    const theme = await loadTheme('contoso');
    expect(theme.assets.bannerLogo).to.equal(
      new URL('/themes/contoso/assets/banner-logo.svg', location.href).href,
    );
    expect(theme.assets.favicon).to.equal(
      new URL('/themes/contoso/assets/favicon.svg', location.href).href,
    );
    const logo = await fetch(theme.assets.bannerLogo!);
    expect(logo.headers.get('content-type')).to.contain('image/svg+xml');
  });

  it('fetches a pack once', async () => {
    expect(loadTheme('default')).to.equal(loadTheme('default'));
  });

  it('refuses an id that is not a pack id before fetching anything', async () => {
    for (const id of ['../tenants/contoso', 'Contoso', '', 'a/b', 'x.json?']) {
      const error = await loadTheme(id).then(
        () => undefined,
        (reason: Error) => reason,
      );
      expect(error?.message, id).to.contain('is not a theme pack id');
    }
  });

  it('rejects an unknown pack, and tries again on the next call', async () => {
    const first = loadTheme('no-such-pack');
    const error = await first.then(
      () => undefined,
      (reason: Error) => reason,
    );
    expect(error?.message).to.contain('(HTTP 404)');
    expect(loadTheme('no-such-pack')).not.to.equal(first);
    await loadTheme('no-such-pack').catch(() => undefined);
  });

  it('names the fields of a pack that is not a resolved pack', async () => {
    // An unresolved theme.json (wrong types, no tokens) where a resolved pack should be.
    const base = new URL('/__raw/test/fixtures/themes/wrong-type/', location.href);
    const error = await loadTheme('theme', base).then(
      () => undefined,
      (reason: Error) => reason,
    );
    expect(error?.message).to.contain(`Theme pack ${base.href}theme.json is invalid:`);
    for (const field of ['colorScheme', 'layout', 'tokens']) {
      expect(error?.message).to.match(new RegExp(`theme\\.json: ${field}: `));
    }
  });

  it('answers with a preloaded pack without a request, asset URLs made absolute', async () => {
    const contoso = await loadTheme('contoso');
    // Nothing is served under this base: only the preloaded pack can answer.
    const base = new URL('/nowhere/themes/', location.href);
    const served = {
      ...contoso,
      assets: {
        bannerLogo: 'contoso/assets/banner-logo.svg',
        favicon: 'contoso/assets/favicon.svg',
      },
    };
    preloadTheme(served, base);
    const theme = await loadTheme('contoso', base);
    expect(theme.tokens).to.deep.equal(contoso.tokens);
    expect(theme.assets).to.deep.equal({
      bannerLogo: new URL('contoso/assets/banner-logo.svg', base).href,
      favicon: new URL('contoso/assets/favicon.svg', base).href,
    });
    expect(await loadTheme('fabrikam', base).catch((reason: Error) => reason.message)).to.contain(
      '(HTTP 404)',
    );
  });
});
