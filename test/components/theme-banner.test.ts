import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { GateThemeBanner } from '../../src/components/theme-banner.js';
import '../../src/components/theme-banner.js';
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

  it('renders nothing without a logo', async () => {
    const el = await pageFixture<GateThemeBanner>(
      html`<gate-theme-banner label="Contoso"></gate-theme-banner>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
