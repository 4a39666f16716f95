import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { StepPage } from './step-page.js';

/** Shown after a successful sign-in when there is nowhere to send the user on to. */
@customElement('gate-signed-in-page')
@localized()
export class GateSignedInPage extends StepPage {
  override render() {
    return html`
      ${this.renderHeading(msg("You're signed in", { id: 'signed_in_heading' }))}
      <p class="gate-intro">
        ${msg('You can close this page or return to the site that sent you here.', {
          id: 'signed_in_body',
        })}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-signed-in-page': GateSignedInPage;
  }
}
