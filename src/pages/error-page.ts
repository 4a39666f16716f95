import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { StepPage } from './step-page.js';

/**
 * Everything unexpected ends here: what went wrong, in words, and a way back.
 * The failure itself comes in through `alert`.
 *
 * @fires gate-step-continue - The user chose Start again.
 */
@customElement('gate-error-page')
@localized()
export class GateErrorPage extends StepPage {
  override render() {
    return html`
      ${this.renderHeading(msg('Something went wrong', { id: 'error_heading' }))}
      ${this.renderAlert()} ${this.renderContinue(msg('Start again', { id: 'error_restart' }))}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-error-page': GateErrorPage;
  }
}
