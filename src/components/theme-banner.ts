import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * A theme pack's banner logo, shown above the card. Renders nothing without a `src`. Given the
 * logo's size, the image's place is held while it loads, so nothing below it moves.
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

  /** The logo's size in CSS pixels (a resolved pack's `bannerLogoSize`). */
  @property({ type: Number }) width: number | undefined;
  @property({ type: Number }) height: number | undefined;

  /**
   * Holds the logo's place, at its size, without loading it: the server renders the hosted page's
   * first frame so, since an SVG logo arriving before that frame made it later (figures in
   * docs/performance.md).
   */
  @property({ type: Boolean }) placeholder = false;

  override render() {
    if (!this.src) return nothing;
    if (this.placeholder && this.width && this.height) {
      return html`<svg
        part="logo"
        role="img"
        aria-label=${this.label}
        width=${this.width}
        height=${this.height}
      ></svg>`;
    }
    return html`<img
      part="logo"
      src=${this.src}
      alt=${this.label}
      width=${ifDefined(this.width)}
      height=${ifDefined(this.height)}
    />`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-theme-banner': GateThemeBanner;
  }
}
