import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Failure } from '../flow/flow-state.js';
import { msg } from '@lit/localize';
import { StepCancelEvent } from '../events/step-cancel-event.js';
import { StepContinueEvent } from '../events/step-continue-event.js';

type FailureTexts = typeof import('../i18n/failure-message.js');

let failureTexts: FailureTexts | undefined;

/**
 * The failure sentences and the alert that shows them load with the first failure (or ahead of
 * it, once the first page has painted), not with the first page.
 */
export async function loadFailureTexts(): Promise<FailureTexts> {
  const [texts] = await Promise.all([
    import('../i18n/failure-message.js'),
    import('../components/alert.js'),
  ]);
  failureTexts ??= texts;
  return texts;
}

/** The spinner is decorative (the button says it is busy in words): it may turn up late, or not at all. */
export function loadSpinner(): void {
  import('../components/spinner.js').catch(() => undefined);
}

/**
 * What every step page shares: light-DOM rendering (so password managers see the form),
 * the busy flag, the announced alert and the heading that takes focus.
 */
export abstract class StepPage extends LitElement {
  /** A request for this step is running: the submit button is inert and shows a spinner. */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** The last failure for this step, announced in an alert. */
  @property({ attribute: false }) alert: Failure | undefined;

  protected override createRenderRoot() {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (this.alert && !failureTexts) void this.#afterFailureTexts();
    if (changed.has('busy') && this.busy) loadSpinner();
  }

  /** An update with an alert completes once the alert shows its sentence. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.alert && !failureTexts ? this.#afterFailureTexts() : super.getUpdateComplete();
  }

  async #afterFailureTexts(): Promise<boolean> {
    try {
      await loadFailureTexts();
    } catch {
      // Without its sentence the alert stays out; the next update tries again.
      return super.getUpdateComplete();
    }
    this.requestUpdate();
    return this.updateComplete;
  }

  /** Moves focus to the step's heading, so that assistive technology starts reading there. */
  async focusHeading() {
    await this.updateComplete;
    this.querySelector<HTMLElement>('h1')?.focus();
  }

  /**
   * The step's heading: level 1 of its own page, or the level a host page gives with `heading-level`
   * on the embedding `<gate-app>`, to fit its outline. (The server's DOM has no `closest`.)
   */
  protected renderHeading(text: string) {
    const level = this.closest?.('[heading-level]')?.getAttribute('heading-level');
    return html`<h1 class="gate-heading" tabindex="-1" aria-level=${level ?? nothing}>${text}</h1>`;
  }

  protected renderAlert(message = this.alert && failureTexts?.failureMessage(this.alert)) {
    // The role is in the markup too: a page the server rendered has it without the script.
    return message ? html`<gate-alert role="alert">${message}</gate-alert>` : nothing;
  }

  protected renderSubmit(label: string): TemplateResult {
    return html`<button
      type="submit"
      class="gate-button gate-button-primary"
      aria-disabled=${this.busy ? 'true' : 'false'}
      aria-busy=${this.busy ? 'true' : 'false'}
    >
      ${this.busy ? html`<gate-spinner></gate-spinner>` : nothing}${label}
    </button>`;
  }

  /**
   * A button that the script handles in place and that, without the script, posts the form with
   * `gate-action` set to `action`: the server then takes the same way (server/http/form-posts.ts).
   */
  protected renderAction(action: string, look: string, label: string, onClick: () => void) {
    return html`<button
      type="submit"
      name="gate-action"
      value=${action}
      formnovalidate
      class="gate-button gate-button-${look}"
      @click=${(event: Event) => {
        event.preventDefault();
        onClick();
      }}
    >
      ${label}
    </button>`;
  }

  /** Cancel: back to sign-in (emits `gate-step-cancel`). */
  protected renderCancel(look: 'secondary' | 'link' = 'secondary') {
    return this.renderAction('cancel', look, msg('Cancel', { id: 'button_cancel' }), () =>
      this.dispatchEvent(new StepCancelEvent()),
    );
  }

  /** The one way on from a page that ends something (emits `gate-step-continue`). */
  protected renderContinue(label: string) {
    return html`<form method="post" class="gate-actions">
      ${this.renderAction('continue', 'primary', label, () =>
        this.dispatchEvent(new StepContinueEvent()),
      )}
    </form>`;
  }

  /** Runs `onValid` for a submit unless a request is already running. */
  protected submitHandler(onValid: () => void) {
    return (event: SubmitEvent) => {
      event.preventDefault();
      if (!this.busy) onValid();
    };
  }

  /** Focuses the first field marked invalid, so the error is read out with it. */
  protected async focusFirstInvalid() {
    await this.updateComplete;
    this.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
  }
}
