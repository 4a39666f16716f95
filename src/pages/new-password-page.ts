import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { StepPage } from './step-page.js';
import { textField } from './text-field.js';
import { StepSubmitEvent } from '../events/step-submit-event.js';
import type { PasswordRules } from '../api/contract.schema.js';
import { passwordProblemMessage } from '../i18n/failure-message.js';
import { lengthProblems, passwordLength } from '../rules/password-rules.js';
import '../components/password-toggle.js';

const defaultRules: PasswordRules = { minLength: 15, maxLength: 128 };

/**
 * The third reset step: a new password, typed twice, with the tenant's rules shown live.
 *
 * @fires gate-step-submit - With `{ step: 'new-password', password }`, once both fields agree and the length rules hold.
 * @fires gate-step-cancel - The user chose Cancel.
 */
@customElement('gate-new-password-page')
@localized()
export class GateNewPasswordPage extends StepPage {
  /** The account's address, shown read-only so password managers save the right login. */
  @property() email = '';

  @property({ attribute: false }) rules: PasswordRules = defaultRules;

  @state() protected password = '';
  @state() protected confirmation = '';
  @state() protected submitted = false;

  override render() {
    return html`
      ${this.renderHeading(msg('Choose a new password', { id: 'newpassword_heading' }))}
      ${this.renderAlert()}
      <form method="post" novalidate @submit=${this.submitHandler(() => this.#submit())}>
        ${textField({
          id: 'username',
          label: msg('Email Address', { id: 'email' }),
          autocomplete: 'username',
          value: this.email,
          readonly: true,
        })}
        ${this.renderNewPasswordFields()}
        <div class="gate-actions">
          ${this.renderSubmit(msg('Continue', { id: 'button_continue' }))} ${this.renderCancel()}
        </div>
      </form>
    `;
  }

  /** The new password, typed twice, with the rules shown live and the server's objections. */
  protected renderNewPasswordFields() {
    const length = passwordLength(this.password);
    const matches = this.password !== '' && this.password === this.confirmation;
    const serverProblems = this.alert?.error === 'password_rejected' ? this.alert.reasons : [];
    const localProblems = this.submitted ? lengthProblems(this.password, this.rules) : [];
    const problems = [...new Set([...localProblems, ...serverProblems])];
    const passwordError = problems
      .map((p) => passwordProblemMessage(p, this.rules.minLength))
      .join(' ');
    const mismatch =
      this.submitted && !matches && this.confirmation !== ''
        ? msg("The passwords don't match.", { id: 'error_passwordEntryMismatch' })
        : this.submitted && this.confirmation === ''
          ? msg('Please confirm your new password', { id: 'requiredField_reenterPassword' })
          : undefined;
    return html`${textField({
      id: 'newPassword',
      label: msg('New Password', { id: 'newPassword' }),
      type: 'password',
      autocomplete: 'new-password',
      value: this.password,
      error: passwordError || undefined,
      onInput: (value) => (this.password = value),
      hint: this.#renderRules(length, matches),
      extra: html`<gate-password-toggle for="newPassword"></gate-password-toggle>`,
    })}
    ${textField({
      id: 'reenterPassword',
      label: msg('Confirm New Password', { id: 'reenterPassword' }),
      type: 'password',
      autocomplete: 'new-password',
      value: this.confirmation,
      error: mismatch,
      onInput: (value) => (this.confirmation = value),
      extra: html`<gate-password-toggle for="reenterPassword"></gate-password-toggle>`,
    })}`;
  }

  /** Whether the new password may go to the server; else shows why and focuses the first field to fix. */
  protected newPasswordReady(): boolean {
    this.submitted = true;
    const ready =
      lengthProblems(this.password, this.rules).length === 0 && this.password === this.confirmation;
    if (!ready) void this.focusFirstInvalid();
    return ready;
  }

  #renderRules(length: number, matches: boolean) {
    const rule = (met: boolean, text: string) =>
      html`<li class="gate-rule" data-met=${met ? 'true' : 'false'}>
        <span class="gate-rule-mark" aria-hidden="true">${met ? '✓' : '•'}</span>${text}<span
          class="gate-visually-hidden"
          >${
            met
              ? msg(': done', { id: 'rule_met', desc: 'Read after a password rule that is met.' })
              : msg(': not yet', {
                  id: 'rule_unmet',
                  desc: 'Read after a password rule not yet met.',
                })
          }</span
        >
      </li>`;
    return html`<ul class="gate-rules">
      ${rule(length >= this.rules.minLength, msg(str`At least ${this.rules.minLength} characters`, { id: 'rule_min_length' }))}
      ${
        length > this.rules.maxLength
          ? rule(
              false,
              msg(str`At most ${this.rules.maxLength} characters`, { id: 'rule_max_length' }),
            )
          : nothing
      }
      ${rule(matches, msg('Both passwords match', { id: 'rule_match' }))}
      <li class="gate-rule gate-rule-note">
        ${msg('Avoid common passwords and your email address; we check these when you continue.', {
          id: 'rule_server_checks',
        })}
      </li>
    </ul>`;
  }

  #submit() {
    if (!this.newPasswordReady()) return;
    this.dispatchEvent(new StepSubmitEvent({ step: 'new-password', password: this.password }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-new-password-page': GateNewPasswordPage;
  }
}
