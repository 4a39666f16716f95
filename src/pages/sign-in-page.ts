import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { StepPage } from './step-page.js';
import { textField } from './text-field.js';
import { StepSubmitEvent } from '../events/step-submit-event.js';
import { ForgotPasswordEvent } from '../events/forgot-password-event.js';
import '../components/password-toggle.js';

/**
 * The sign-in step: email (or username) and password.
 *
 * @fires gate-step-submit - With `{ step: 'sign-in', identifier, password }`.
 * @fires gate-forgot-password - The user followed "Can't access your account?" (or, from
 *   `<gate-password-setup-offer>`, "Set your password").
 */
@customElement('gate-sign-in-page')
@localized()
export class GateSignInPage extends StepPage {
  /** Prefills the email field (a login hint, or what the user typed before). */
  @property() identifier = '';

  /** A theme pack's hint under the email field (which address to use, say); plain text. */
  @property({ attribute: 'identifier-hint' }) identifierHint = '';

  /** Shows "Can't access your account?" where the tenant allows self-service reset. */
  @property({ type: Boolean, attribute: 'show-reset-link' }) showResetLink = false;

  /**
   * After a failed sign-in, offer "Set your password": shown to everyone whose sign-in failed, so it
   * says nothing about whether the account exists (docs/security.md#rule-36).
   */
  @property({ type: Boolean, attribute: 'show-password-setup' }) showPasswordSetup = false;

  /** Where the reset link points when opened in a new tab; a click is handled in place. */
  @property({ attribute: 'reset-href' }) resetHref = '#reset';

  @state() private password = '';
  @state() private errors: { identifier?: string; password?: string } = {};

  override render() {
    return html`
      ${this.renderHeading(msg('Sign in', { id: 'heading', desc: 'Heading of the sign-in page.' }))}
      <p class="gate-intro">
        ${msg('Sign in with your email address.', { id: 'local_intro_email' })}
      </p>
      ${this.renderAlert()} ${this.#offer()}
      <form method="post" novalidate @submit=${this.submitHandler(() => this.#submit())}>
        ${textField({
          id: 'signInName',
          label: msg('Email Address', { id: 'logonIdentifier_email' }),
          autocomplete: 'username',
          inputmode: 'email',
          value: this.identifier,
          hint: this.identifierHint || undefined,
          error: this.errors.identifier,
          onInput: (value) => (this.identifier = value),
        })}
        ${textField({
          id: 'password',
          label: msg('Password', { id: 'password' }),
          type: 'password',
          autocomplete: 'current-password',
          value: this.password,
          error: this.errors.password,
          onInput: (value) => (this.password = value),
          extra: html`<gate-password-toggle for="password"></gate-password-toggle>`,
        })}
        ${
          this.showResetLink
            ? html`<p class="gate-link-row">
                <a href=${this.resetHref} @click=${this.#forgotPassword}
                  >${msg("Can't access your account?", { id: 'forgotpassword_link' })}</a
                >
              </p>`
            : nothing
        }
        <div class="gate-actions">
          ${this.renderSubmit(msg('Sign in', { id: 'button_signin' }))}
        </div>
      </form>
    `;
  }

  #submit() {
    const identifier = this.identifier.trim();
    this.errors = {
      ...(identifier
        ? {}
        : { identifier: msg('Please enter your email', { id: 'requiredField_email' }) }),
      ...(this.password
        ? {}
        : { password: msg('Please enter your password', { id: 'requiredField_password' }) }),
    };
    if (this.errors.identifier || this.errors.password) {
      void this.focusFirstInvalid();
      return;
    }
    this.dispatchEvent(
      new StepSubmitEvent({ step: 'sign-in', identifier, password: this.password }),
    );
  }

  #offer() {
    if (!this.showPasswordSetup || this.alert?.error !== 'invalid_credentials') return nothing;
    void import('./password-setup-offer.js');
    return html`<gate-password-setup-offer
      .identifier=${this.identifier}
      href=${this.resetHref}
    ></gate-password-setup-offer>`;
  }

  #forgotPassword = (event: MouseEvent) => {
    event.preventDefault();
    this.dispatchEvent(new ForgotPasswordEvent(this.identifier.trim()));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-sign-in-page': GateSignInPage;
  }
}
