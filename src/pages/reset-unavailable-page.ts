import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { StepPage } from './step-page.js';

/**
 * Shown by a password-reset policy where the tenant has switched self-service reset off.
 *
 * @fires gate-step-continue - The user chose Back to sign-in.
 */
@customElement('gate-reset-unavailable-page')
@localized()
export class GateResetUnavailablePage extends StepPage {
  override render() {
    return html`
      ${this.renderHeading(
        msg("Password reset isn't available", { id: 'reset_unavailable_heading' }),
      )}
      <p class="gate-intro">
        ${msg("You can't reset your password here. Contact your administrator for help.", {
          id: 'reset_unavailable_body',
        })}
      </p>
      ${this.renderContinue(msg('Back to sign-in', { id: 'button_back_to_signin' }))}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-reset-unavailable-page': GateResetUnavailablePage;
  }
}
