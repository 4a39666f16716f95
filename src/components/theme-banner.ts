import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A theme pack's banner logo, shown above the card. Renders nothing without a `src`.
 *
 * @csspart logo - The logo image (at most 280x60 pixels, as the theme checker enforces).
 */
@customElement('gate-theme-banner')
export class GateThemeBanner extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    [part='logo'] {
      display: block;
      max-inline-size: 280px;
      max-block-size: 60px;
    }
  `;

  /** URL of the logo: a resolved pack's `assets.bannerLogo`. */
  @property() src = '';

  /** The brand's name, read out in place of the logo. */
  @property() label = '';

  override render() {
    return this.src ? html`<img part="logo" src=${this.src} alt=${this.label} />` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-theme-banner': GateThemeBanner;
  }
}
