import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { StepPage } from './step-page.js';
import { textField } from './text-field.js';
import { StepSubmitEvent } from '../events/step-submit-event.js';
import { emailAddressSchema } from '../api/contract.schema.js';

/**
 * Asked at sign-in when the account's recovery email was last confirmed too long ago (the
 * tenant's `reconfirmEmailAfterDays`), or was never verified where the tenant requires it:
 * sign-in completes only after a code sent there is verified. Without an address (a username
 * account registering one, `requireRecoveryRegistration`), the user gives the address first.
 *
 * @fires gate-step-submit - With `{ step: 'confirm-email' }`: send the code; with
 * `{ step: 'confirm-email', email }` when registering: send it to that address.
 * @fires gate-step-cancel - The user chose Cancel; they are not signed in.
 */
@customElement('gate-confirm-email-page')
@localized()
export class GateConfirmEmailPage extends StepPage {
  /** The recovery address on the account; empty: the user registers one. */
  @property() email = '';

  @state() private address = '';
  @state() private error: string | undefined;

  override render() {
    return this.email === '' ? this.#register() : this.#confirm();
  }

  #confirm() {
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
        method="post"
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

  #register() {
    return html`
      ${this.renderHeading(msg('Add a recovery email', { id: 'register_email_heading' }))}
      <p class="gate-intro">
        ${msg(
          "Before you go on, add an email address of your own. We use it only if you ever need to reset your password, and we'll send a verification code to it now.",
          { id: 'register_email_intro' },
        )}
      </p>
      ${this.renderAlert()}
      <form method="post" novalidate @submit=${this.submitHandler(() => this.#submitAddress())}>
        ${textField({
          id: 'recoveryEmail',
          label: msg('Recovery email address', { id: 'register_email_label' }),
          autocomplete: 'email',
          inputmode: 'email',
          value: this.address,
          error: this.error,
          onInput: (value) => (this.address = value),
        })}
        <div class="gate-actions">
          ${this.renderSubmit(msg('Send verification code', { id: 'ver_but_send' }))}
          ${this.renderCancel()}
        </div>
      </form>
    `;
  }

  #submitAddress() {
    const email = this.address.trim();
    if (!emailAddressSchema.safeParse(email).success) {
      this.error = msg('Enter a valid email address.', { id: 'register_email_pattern' });
      void this.focusFirstInvalid();
      return;
    }
    this.error = undefined;
    this.dispatchEvent(new StepSubmitEvent({ step: 'confirm-email', email }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-confirm-email-page': GateConfirmEmailPage;
  }
}
