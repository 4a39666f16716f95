import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A message box. Errors are announced at once (`role="alert"`), notices politely (`role="status"`).
 *
 * @slot - The message text.
 * @csspart icon - The leading symbol.
 * @csspart message - The wrapper around the slotted text.
 */
@customElement('gate-alert')
export class GateAlert extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      gap: var(--gate-space-2);
      align-items: flex-start;
      padding: var(--gate-space-3);
      border-radius: var(--gate-radius);
      border: 1px solid var(--_accent);
      background: var(--gate-color-surface);
      color: var(--gate-color-text);
      --_accent: var(--gate-color-error);
    }
    :host([variant='info']) {
      --_accent: var(--gate-color-brand);
    }
    [part='icon'] {
      flex: none;
      inline-size: 1.25em;
      block-size: 1.25em;
      border-radius: 50%;
      background: var(--_accent);
      color: var(--gate-color-on-brand);
      display: grid;
      place-items: center;
      font-weight: 700;
      line-height: 1;
    }
  `;

  @property({ reflect: true }) variant: 'error' | 'info' = 'error';

  override connectedCallback() {
    super.connectedCallback();
    this.#syncRole();
  }

  override updated() {
    this.#syncRole();
  }

  #syncRole() {
    this.setAttribute('role', this.variant === 'error' ? 'alert' : 'status');
  }

  override render() {
    return html`<span part="icon" aria-hidden="true">${this.variant === 'error' ? '!' : 'i'}</span
      ><span part="message"><slot></slot></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-alert': GateAlert;
  }
}
