import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { StepPage } from './step-page.js';

/**
 * The end of a reset: the password has changed; Continue leads back to sign-in.
 *
 * @fires gate-step-continue - The user chose Continue.
 */
@customElement('gate-reset-done-page')
@localized()
export class GateResetDonePage extends StepPage {
  override render() {
    return html`
      ${this.renderHeading(msg('Your password has been changed', { id: 'reset_done_heading' }))}
      <p class="gate-intro">
        ${msg('You can now sign in with your new password.', { id: 'reset_done_body' })}
      </p>
      ${this.renderContinue(msg('Continue', { id: 'button_continue' }))}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-reset-done-page': GateResetDonePage;
  }
}
