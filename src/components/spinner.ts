import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/**
 * A small busy indicator beside a button label. Decorative: the button says it is busy in words.
 *
 * @csspart ring - The turning ring.
 */
@customElement('gate-spinner')
export class GateSpinner extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      inline-size: 1em;
      block-size: 1em;
      vertical-align: -0.125em;
    }
    [part='ring'] {
      box-sizing: border-box;
      inline-size: 100%;
      block-size: 100%;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: turn 0.8s linear infinite;
    }
    @media (prefers-reduced-motion: reduce) {
      [part='ring'] {
        animation-duration: 2.4s;
      }
    }
    @keyframes turn {
      to {
        transform: rotate(1turn);
      }
    }
  `;

  override connectedCallback() {
    super.connectedCallback();
    this.setAttribute('aria-hidden', 'true');
  }

  override render() {
    return html`<div part="ring"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-spinner': GateSpinner;
  }
}
