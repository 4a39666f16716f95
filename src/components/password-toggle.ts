import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';

/**
 * A "Show password" switch for the password input named by `for`, in the same document or root.
 * Renders into light DOM beside the input so that the pair stays visible to password managers.
 */
@customElement('gate-password-toggle')
@localized()
export class GatePasswordToggle extends LitElement {
  /** The id of the password input this toggle reveals. */
  @property() for = '';

  @state() private shown = false;

  /** The input this toggle last set, kept so that it can still be hidden after a disconnect. */
  #input: HTMLInputElement | undefined;

  protected override createRenderRoot() {
    return this;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // A password must never stay readable once its field is gone.
    this.shown = false;
    if (this.#input) this.#input.type = 'password';
  }

  override updated() {
    // Once disconnected the root is a detached element, which has no getElementById.
    const root = this.getRootNode();
    if (!(root instanceof Document || root instanceof ShadowRoot)) return;
    const input = root.getElementById(this.for);
    if (!(input instanceof HTMLInputElement)) return;
    this.#input = input;
    input.type = this.shown ? 'text' : 'password';
  }

  override render() {
    return html`<button
      type="button"
      class="gate-password-toggle"
      aria-controls=${this.for}
      aria-pressed=${this.shown ? 'true' : 'false'}
      @click=${() => (this.shown = !this.shown)}
    >
      ${msg('Show password', {
        id: 'password_show',
        desc: 'Toggle button beside a password field; pressed means the password is visible.',
      })}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-password-toggle': GatePasswordToggle;
  }
}
