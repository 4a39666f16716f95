import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { StepPage } from './step-page.js';
import { textField } from './text-field.js';
import { StepSubmitEvent } from '../events/step-submit-event.js';
import { resetStartRequestSchema } from '../api/contract.schema.js';

/**
 * The first reset step: the address that should receive a verification code, or (for a username
 * tenant) the username whose recovery email should.
 *
 * @fires gate-step-submit - With `{ step: 'reset-email', email }`.
 * @fires gate-step-cancel - The user chose Cancel.
 */
@customElement('gate-reset-email-page')
@localized()
export class GateResetEmailPage extends StepPage {
  @property() email = '';

  /**
   * `password-setup`: the user must set a password before signing in (imported without one, or
   * asked to by an administrator), and the page says so; `forgot`: "Can't access your account?".
   */
  @property() reason: 'forgot' | 'password-setup' = 'forgot';

  /** The tenant signs users in by username: the field takes one (its words are the tenant's text). */
  @property({ type: Boolean }) usernames = false;

  @state() private error: string | undefined;

  override render() {
    return html`
      ${
        this.reason === 'password-setup'
          ? html`${this.renderHeading(msg('Set your password', { id: 'setup_heading' }))}
              <p class="gate-intro">
                ${msg(
                  'Accounts that moved to this sign-in, and accounts whose administrator asked for a new password, need a password set before they can sign in. A password from the old sign-in does not work here.',
                  { id: 'setup_why', desc: 'Why a user must set a password before signing in.' },
                )}
              </p>
              <p class="gate-intro">
                ${msg(
                  "Enter the email address of your account. We'll send you a verification code, and then you choose your password.",
                  { id: 'setup_intro' },
                )}
              </p>`
          : html`${this.renderHeading(msg('Reset your password', { id: 'reset_heading' }))}
              <p class="gate-intro">
                ${msg(
                  "Enter the email address of your account and we'll send you a verification code.",
                  { id: 'reset_intro' },
                )}
              </p>`
      }
      ${this.renderAlert()}
      <form method="post" novalidate @submit=${this.submitHandler(() => this.#submit())}>
        ${textField({
          id: 'email',
          label: msg('Email Address', { id: 'email' }),
          autocomplete: 'username',
          inputmode: 'email',
          value: this.email,
          error: this.error,
          onInput: (value) => (this.email = value),
        })}
        <div class="gate-actions">
          ${this.renderSubmit(msg('Send verification code', { id: 'ver_but_send' }))}
          ${this.renderCancel()}
        </div>
      </form>
    `;
  }

  #submit() {
    const email = this.email.trim();
    const body = this.usernames ? { username: email } : { email };
    if (!resetStartRequestSchema.safeParse(body).success) {
      this.error = msg('Enter a valid email address.', { id: 'email_pattern' });
      void this.focusFirstInvalid();
      return;
    }
    this.error = undefined;
    this.dispatchEvent(new StepSubmitEvent({ step: 'reset-email', email }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-reset-email-page': GateResetEmailPage;
  }
}
