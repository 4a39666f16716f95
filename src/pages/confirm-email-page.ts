import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { StepPage } from './step-page.js';
import { StepSubmitEvent } from '../events/step-submit-event.js';

/**
 * Asked at sign-in when the account's recovery email was last confirmed too long ago (the
 * tenant's `reconfirmEmailAfterDays`): sign-in completes only after a code sent there is verified.
 *
 * @fires gate-step-submit - With `{ step: 'confirm-email' }`: send the code.
 * @fires gate-step-cancel - The user chose Cancel; they are not signed in.
 */
@customElement('gate-confirm-email-page')
@localized()
export class GateConfirmEmailPage extends StepPage {
  /** The recovery address on the account. */
  @property() email = '';

  override render() {
    return html`
      ${this.renderHeading(msg('Confirm your recovery email', { id: 'confirm_email_heading' }))}
      <p class="gate-intro">
        ${msg(
          str`Is ${this.email} still your email address? We use it if you ever need to reset your password. We'll send a verification code to confirm it.`,
          { id: 'confirm_email_intro' },
        )}
      </p>
      ${this.renderAlert()}
      <form
        novalidate
        @submit=${this.submitHandler(() =>
          this.dispatchEvent(new StepSubmitEvent({ step: 'confirm-email' })),
        )}
      >
        <div class="gate-actions">
          ${this.renderSubmit(msg('Send verification code', { id: 'ver_but_send' }))}
          ${this.renderCancel()}
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-confirm-email-page': GateConfirmEmailPage;
  }
}
