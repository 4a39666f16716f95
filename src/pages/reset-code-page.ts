import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { StepPage } from './step-page.js';
import { textField } from './text-field.js';
import '../components/alert.js';
import { CountdownController } from '../controllers/countdown-controller.js';
import { StepSubmitEvent } from '../events/step-submit-event.js';
import { ResendCodeEvent } from '../events/resend-code-event.js';
import { ChangeEmailEvent } from '../events/change-email-event.js';
import { codeLength } from '../api/contract.schema.js';
import { normaliseCode } from '../rules/verification-code.js';

/** `0:27`: a countdown needs no plural forms, in any language. */
function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A verification code from an email: the second reset step, and (with `purpose="confirm"`) the
 * code that reconfirms a recovery email at sign-in.
 *
 * @fires gate-step-submit - With `{ step: 'reset-code', code }`, the code as six ASCII digits.
 * @fires gate-resend-code - The user asked for a new code (only once the cooldown is over).
 * @fires gate-change-email - The user wants to use a different address (reset only).
 * @fires gate-step-cancel - The user chose Cancel.
 */
@customElement('gate-reset-code-page')
@localized()
export class GateResetCodePage extends StepPage {
  /** `reset`: the address may not have an account, so the copy says "if"; `confirm`: it does. */
  @property() purpose: 'reset' | 'confirm' = 'reset';

  /** The address the code was sent to, as the user typed it. */
  @property() email = '';

  /** Epoch milliseconds from which a new code may be requested. */
  @property({ type: Number, attribute: 'resend-available-at' }) resendAvailableAt = 0;

  /** Says that a new code is on its way (after a successful resend). */
  @property({ type: Boolean }) resent = false;

  @state() private code = '';
  @state() private error: string | undefined;

  readonly #cooldown = new CountdownController(this);

  override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('resendAvailableAt')) this.#cooldown.until = this.resendAvailableAt;
  }

  override render() {
    const wait = this.#cooldown.secondsLeft;
    return html`
      ${this.renderHeading(msg('Enter your verification code', { id: 'ver_heading' }))}
      <p class="gate-intro">
        ${
          this.purpose === 'reset'
            ? msg(
                str`If ${this.email} belongs to an account, we've sent a verification code to it. Copy the code into the box below. It is valid for 10 minutes.`,
                { id: 'ver_info_msg' },
              )
            : msg(
                str`We've sent a verification code to ${this.email}. Copy the code into the box below. It is valid for 10 minutes.`,
                { id: 'ver_info_msg_confirm' },
              )
        }
      </p>
      ${
        this.alert
          ? this.renderAlert()
          : this.resent
            ? html`<gate-alert variant="info" role="status"
                >${msg('A new code is on its way. Codes sent before it no longer work.', {
                  id: 'ver_resent',
                })}</gate-alert
              >`
            : nothing
      }
      <form method="post" novalidate @submit=${this.submitHandler(() => this.#submit())}>
        ${textField({
          id: 'verificationCode',
          label: msg('Verification code', { id: 'ver_input_code' }),
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          value: this.code,
          error: this.error,
          onInput: (value) => (this.code = value),
        })}
        <div class="gate-actions">
          ${this.renderSubmit(msg('Verify code', { id: 'ver_but_verify' }))}
          <button
            type="submit"
            name="gate-action"
            value="resend"
            formnovalidate
            class="gate-button gate-button-secondary"
            ?disabled=${wait > 0 || this.busy}
            aria-describedby=${wait > 0 ? 'resend-countdown' : nothing}
            @click=${this.#resend}
          >
            ${msg('Send new code', { id: 'ver_but_resend' })}
          </button>
        </div>
        ${
          wait > 0
            ? html`<p class="gate-hint" id="resend-countdown">
                ${msg(str`You can ask for a new code in ${minutesAndSeconds(wait)}.`, {
                  id: 'ver_resend_countdown',
                  desc: 'The time is minutes:seconds, e.g. 0:27.',
                })}
              </p>`
            : nothing
        }
        <div class="gate-actions gate-actions-quiet">
          ${
            this.purpose === 'reset'
              ? this.renderAction(
                  'change-email',
                  'link',
                  msg('Change e-mail', { id: 'ver_but_edit' }),
                  () => this.dispatchEvent(new ChangeEmailEvent()),
                )
              : nothing
          }
          ${this.renderCancel('link')}
        </div>
      </form>
    `;
  }

  /** The button turns disabled for the cooldown; keep keyboard focus where the new code goes. */
  #resend = (event: Event) => {
    event.preventDefault();
    this.dispatchEvent(new ResendCodeEvent());
    this.querySelector<HTMLInputElement>('#verificationCode')?.focus();
  };

  #submit() {
    const code = normaliseCode(this.code);
    if (!new RegExp(`^[0-9]{${codeLength}}$`).test(code)) {
      this.error = msg('Enter the 6-digit code from the email.', { id: 'ver_code_pattern' });
      void this.focusFirstInvalid();
      return;
    }
    this.error = undefined;
    this.dispatchEvent(
      new StepSubmitEvent({ step: this.purpose === 'reset' ? 'reset-code' : 'confirm-code', code }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-reset-code-page': GateResetCodePage;
  }
}
