import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { StepPage } from './step-page.js';

/** The end of a password change made with nowhere to send the user on to. */
@customElement('gate-password-changed-page')
@localized()
export class GatePasswordChangedPage extends StepPage {
  override render() {
    return html`
      ${this.renderHeading(msg('Your password has been changed', { id: 'reset_done_heading' }))}
      <p class="gate-intro">
        ${msg(
          'You are still signed in here. Everywhere else, you have been signed out: sign in there with your new password.',
          { id: 'password_changed_body' },
        )}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-password-changed-page': GatePasswordChangedPage;
  }
}
