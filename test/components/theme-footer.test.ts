import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html } from 'lit';
import type { GateThemeFooter } from '../../src/components/theme-footer.js';
import '../../src/components/theme-footer.js';
import type { FooterLink } from '../../src/theme/theme-text.schema.js';
import { getAllByRole } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';
import { rawText } from '../support/raw-files.js';
import { expectNoXss } from '../support/xss.js';

const links: FooterLink[] = [
  { label: 'Privacy statement', href: 'https://contoso.example/privacy' },
  { label: 'Terms of use', href: 'https://contoso.example/terms' },
];

async function footer(shown: FooterLink[]) {
  const el = await pageFixture<GateThemeFooter>(
    html`<gate-theme-footer .links=${shown}></gate-theme-footer>`,
  );
  return { el, root: el.shadowRoot! as unknown as HTMLElement };
}

describe('gate-theme-footer', () => {
  it('is accessible', async () => {
    const { el } = await footer(links);
    await expect(el).to.be.accessible();
  });

  it('takes its links from a JSON attribute as well (as the server renders it)', async () => {
    const el = await pageFixture<GateThemeFooter>(
      html`<gate-theme-footer links=${JSON.stringify(links)}></gate-theme-footer>`,
    );
    const shown = getAllByRole(el.shadowRoot! as unknown as HTMLElement, 'link');
    expect(shown.map((link) => link.textContent)).to.deep.equal([
      'Privacy statement',
      'Terms of use',
    ]);
  });

  it('shows no links for an attribute that is not a JSON list', async () => {
    for (const attribute of ['not json', '{"label":"x"}']) {
      const el = await pageFixture<GateThemeFooter>(
        html`<gate-theme-footer links=${attribute}></gate-theme-footer>`,
      );
      expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(0);
    }
  });

  it('shows each link by its label, in order', async () => {
    const { root } = await footer(links);
    const shown = getAllByRole(root, 'link');
    expect(shown.map((link) => link.textContent)).to.deep.equal([
      'Privacy statement',
      'Terms of use',
    ]);
    expect(shown.map((link) => link.getAttribute('href'))).to.deep.equal(
      links.map((link) => link.href),
    );
  });

  it('renders nothing without links', async () => {
    const { root } = await footer([]);
    expect(root.querySelector('ul')).to.equal(null);
  });

  it('shows markup from a pack as text and drops a javascript: link (the markup-text fixture)', async () => {
    const text = JSON.parse(await rawText('test/fixtures/themes/markup-text/text/en.json')) as {
      footerLinks: Record<string, FooterLink>;
    };
    const hostile = Object.values(text.footerLinks);
    const { root } = await footer([
      ...hostile,
      { label: '<img src=x onerror=window.__gateXss=1>', href: 'https://x.example/' },
    ]);
    expect(root.querySelectorAll('script, img')).to.have.length(0);
    const shown = getAllByRole(root, 'link');
    expect(shown.map((link) => link.textContent)).to.deep.equal([
      '<img src=x onerror=window.__gateXss=1>',
    ]);
    await expectNoXss();
  });

  it('renders any label as exactly that text', async () => {
    const { el, root } = await footer([]);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
        async (label) => {
          el.links = [{ label, href: 'https://x.example/' }];
          await el.updateComplete;
          const link = root.querySelector('a')!;
          expect(link.textContent).to.equal(label);
          expect(link.children).to.have.length(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
