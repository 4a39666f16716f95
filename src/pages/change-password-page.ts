import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { textField } from './text-field.js';
import { GateNewPasswordPage } from './new-password-page.js';
import { StepSubmitEvent } from '../events/step-submit-event.js';

/**
 * A signed-in user changes their password: the current one, then the new one twice under the
 * tenant's rules, shown live as on the reset's new-password step.
 *
 * @fires gate-step-submit - With `{ step: 'change-password', currentPassword, password }`, once the fields hold.
 * @fires gate-step-cancel - The user chose Cancel.
 */
@customElement('gate-change-password-page')
@localized()
export class GateChangePasswordPage extends GateNewPasswordPage {
  @state() private currentPassword = '';

  override render() {
    // A wrong current password is said at its field; the alert says the rest.
    const wrongCurrent = this.alert?.error === 'invalid_credentials';
    const currentError =
      this.submitted && this.currentPassword === ''
        ? msg('Please enter your current password', { id: 'requiredField_currentPassword' })
        : wrongCurrent
          ? msg('Your current password is incorrect.', { id: 'error_current_password' })
          : undefined;
    return html`
      ${this.renderHeading(msg('Change your password', { id: 'change_password_heading' }))}
      ${wrongCurrent ? this.renderAlert(currentError) : this.renderAlert()}
      <form method="post" novalidate @submit=${this.submitHandler(() => this.#submit())}>
        ${textField({
          id: 'username',
          label: msg('Signed in as', { id: 'signed_in_as' }),
          autocomplete: 'username',
          value: this.email,
          readonly: true,
        })}
        ${textField({
          id: 'currentPassword',
          label: msg('Current Password', { id: 'currentPassword' }),
          type: 'password',
          autocomplete: 'current-password',
          value: this.currentPassword,
          error: currentError,
          onInput: (value) => (this.currentPassword = value),
          extra: html`<gate-password-toggle for="currentPassword"></gate-password-toggle>`,
        })}
        ${this.renderNewPasswordFields()}
        <div class="gate-actions">
          ${this.renderSubmit(msg('Change password', { id: 'button_change_password' }))}
          ${this.renderCancel()}
        </div>
      </form>
    `;
  }

  #submit() {
    const ready = this.newPasswordReady();
    if (this.currentPassword === '') void this.focusFirstInvalid();
    if (!ready || this.currentPassword === '') return;
    this.dispatchEvent(
      new StepSubmitEvent({
        step: 'change-password',
        currentPassword: this.currentPassword,
        password: this.password,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-change-password-page': GateChangePasswordPage;
  }
}
