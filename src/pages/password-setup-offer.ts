import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { ForgotPasswordEvent } from '../events/forgot-password-event.js';

/**
 * Under a failed sign-in, the way in for users who must set a password (imported without one):
 * "Set your password", leading into the reset. Shown after every failed sign-in, so it says nothing
 * about the account (docs/security.md#rule-36). Loaded only when first shown, off the first load.
 *
 * @fires gate-forgot-password - With the reason `password-setup` and the typed identifier.
 */
@customElement('gate-password-setup-offer')
@localized()
export class GatePasswordSetupOffer extends LitElement {
  /** What the user typed as their email, carried into the reset. */
  @property() identifier = '';

  /** Where the link points when opened in a new tab; a click is handled in place. */
  @property() href = '#reset';

  // Light DOM: the page's own text styles apply.
  protected override createRenderRoot() {
    return this;
  }

  override render() {
    return html`<p class="gate-intro">
      ${msg('Has your account moved here, or were you asked to choose a new password?', {
        id: 'setup_offer',
        desc: 'Under a failed sign-in, on tenants that imported users without a password.',
      })}
      <a href=${this.href} @click=${this.#follow}
        >${msg('Set your password', { id: 'setup_link' })}</a
      >
    </p>`;
  }

  #follow = (event: MouseEvent) => {
    event.preventDefault();
    this.dispatchEvent(new ForgotPasswordEvent(this.identifier.trim(), 'password-setup'));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-password-setup-offer': GatePasswordSetupOffer;
  }
}
