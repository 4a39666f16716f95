import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { GateThemeBanner } from '../../src/components/theme-banner.js';
import '../../src/components/theme-banner.js';
import { getByRole } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';

const logo = '/themes/contoso/assets/banner-logo.svg';

describe('gate-theme-banner', () => {
  it('is accessible', async () => {
    const el = await pageFixture<GateThemeBanner>(
      html`<gate-theme-banner src=${logo} label="Contoso"></gate-theme-banner>`,
    );
    await expect(el).to.be.accessible();
  });

  it('shows the logo named by the brand', async () => {
    const el = await pageFixture<GateThemeBanner>(
      html`<gate-theme-banner src=${logo} label="Contoso"></gate-theme-banner>`,
    );
    const image = el.shadowRoot!.querySelector('img')!;
    expect(image.getAttribute('src')).to.equal(logo);
    expect(image.alt).to.equal('Contoso');
    expect(image.getAttribute('part')).to.equal('logo');
  });

  /** The banner of a 200x48 logo, as the pages render it from a resolved pack. */
  const sizedBanner = (placeholder: boolean) =>
    pageFixture<GateThemeBanner>(
      html`<gate-theme-banner
        src=${logo}
        label="Contoso"
        width="200"
        height="48"
        ?placeholder=${placeholder}
      ></gate-theme-banner>`,
    );

  it("holds the logo's place at the size it is given", async () => {
    const el = await sizedBanner(false);
    const image = el.shadowRoot!.querySelector('img')!;
    expect([image.width, image.height]).to.deep.equal([200, 48]);
    expect(el.getBoundingClientRect().height).to.equal(48);
  });

  it('as a placeholder, takes the same place and names the brand, but loads nothing', async () => {
    const el = await sizedBanner(true);
    const root = el.shadowRoot as unknown as HTMLElement;
    expect(root.querySelector('img')).to.equal(null);
    const held = getByRole(root, 'img', { name: 'Contoso' });
    expect(held.getBoundingClientRect().width).to.equal(200);
    expect(el.getBoundingClientRect().height).to.equal(48);
    await expect(el).to.be.accessible();
  });

  it('renders nothing without a logo', async () => {
    const el = await pageFixture<GateThemeBanner>(
      html`<gate-theme-banner label="Contoso"></gate-theme-banner>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
