import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { ApiClient, type ApiError, type ApiResult } from '../api/client.js';
import type { TenantConfig } from '../api/contract.js';
import {
  assertNever,
  initialFlowState,
  nextFlowState,
  type FlowAction,
  type FlowState,
} from '../policy/flow.js';
import type { StepSubmission, StepSubmitEvent } from '../events/step-submit-event.js';
import type { ForgotPasswordEvent } from '../events/forgot-password-event.js';
import { adoptGateStyles } from './adopt-styles.js';
import { StepPage } from '../pages/step-page.js';
import '../pages/sign-in-page.js';
import '../pages/reset-email-page.js';
import '../pages/reset-code-page.js';
import '../pages/new-password-page.js';
import '../pages/reset-done-page.js';
import '../pages/signed-in-page.js';
import '../pages/error-page.js';

/**
 * The hosted flow: loads the tenant's public settings, holds the flow state and swaps the step
 * pages. Renders into light DOM (credential inputs must be reachable from `document`) and adopts
 * its stylesheet into whatever root it is placed in.
 *
 * @fires gate-flow-change - After every step change, with the new step id in `detail.step` (for analytics and hosts).
 */
@customElement('gate-app')
@localized()
export class GateApp extends LitElement {
  /** The tenant whose pages these are, e.g. `contoso`. */
  @property() tenant = '';

  /** Where the contract's paths start. */
  @property({ attribute: 'api-base' }) apiBase = '/api/v1';

  /** Prefills the email on the sign-in page. */
  @property({ attribute: 'login-hint' }) loginHint = '';

  @state() private config: TenantConfig | undefined;
  @state() private flow: FlowState = initialFlowState();
  @state() private busy = false;

  #client: ApiClient | undefined;

  protected override createRenderRoot() {
    adoptGateStyles(this.getRootNode() as Document | ShadowRoot);
    return this;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('tenant') || changed.has('apiBase')) void this.#load();
  }

  override updated(changed: Map<PropertyKey, unknown>) {
    const previous = changed.get('flow') as FlowState | undefined;
    if (previous && previous.step !== this.flow.step) {
      const page = [...(this.querySelector('main')?.children ?? [])].find(
        (c) => c instanceof StepPage,
      );
      void (page as StepPage | undefined)?.focusHeading();
      this.dispatchEvent(
        new CustomEvent('gate-flow-change', { detail: { step: this.flow.step }, bubbles: true }),
      );
    }
  }

  override render() {
    return html`<div class="gate-theme gate-shell">
      <main
        class="gate-card"
        @gate-step-submit=${(event: StepSubmitEvent) => void this.#submit(event.submission)}
        @gate-forgot-password=${(event: ForgotPasswordEvent) =>
          this.#dispatch({ type: 'forgot-password', identifier: event.identifier })}
        @gate-step-cancel=${() => this.#dispatch({ type: 'cancel' })}
        @gate-step-continue=${this.#continue}
        @gate-change-email=${() => this.#dispatch({ type: 'change-email' })}
        @gate-resend-code=${() => void this.#resend()}
      >
        ${this.config ? html`<p class="gate-tenant-name">${this.config.displayName}</p>` : nothing}
        ${this.#renderStep()}
      </main>
    </div>`;
  }

  #renderStep() {
    const flow = this.flow;
    if (!this.config && flow.step !== 'error') {
      return html`<p class="gate-intro" role="status">${msg('Loading…', { id: 'loading' })}</p>`;
    }
    const config = this.config;
    switch (flow.step) {
      case 'sign-in':
        return html`<gate-sign-in-page
          .identifier=${flow.identifier}
          .alert=${flow.alert}
          ?busy=${this.busy}
          ?show-reset-link=${config?.selfServiceReset}
        ></gate-sign-in-page>`;
      case 'signed-in':
        return html`<gate-signed-in-page></gate-signed-in-page>`;
      case 'reset-email':
        return html`<gate-reset-email-page
          .email=${flow.email}
          .alert=${flow.alert}
          ?busy=${this.busy}
        ></gate-reset-email-page>`;
      case 'reset-code':
        return html`<gate-reset-code-page
          .email=${flow.email}
          .resendAvailableAt=${flow.resendAvailableAt}
          .resent=${flow.resent ?? false}
          .alert=${flow.alert}
          ?busy=${this.busy}
        ></gate-reset-code-page>`;
      case 'new-password':
        return html`<gate-new-password-page
          .email=${flow.email}
          .rules=${config?.passwordRules}
          .alert=${flow.alert}
          ?busy=${this.busy}
        ></gate-new-password-page>`;
      case 'reset-done':
        return html`<gate-reset-done-page></gate-reset-done-page>`;
      case 'error':
        return html`<gate-error-page .alert=${flow.failure}></gate-error-page>`;
      default:
        return assertNever(flow);
    }
  }

  /** Continue after an ending; without the tenant's settings there is nothing to go back to but a reload. */
  #continue = () => {
    if (this.config) this.#dispatch({ type: 'continue' });
    else void this.#load();
  };

  #dispatch(action: FlowAction) {
    this.flow = nextFlowState(this.flow, action);
  }

  #fail(failure: ApiError) {
    this.#dispatch({ type: 'failed', failure, now: Date.now() });
  }

  async #load() {
    this.#client = new ApiClient({ base: this.apiBase, tenant: this.tenant });
    this.config = undefined;
    this.flow = initialFlowState(this.loginHint);
    const result = await this.#client.config();
    if (result.ok) this.config = result.value;
    else this.flow = { step: 'error', failure: result.failure };
  }

  /** Runs one request at a time; a second submit while one runs is dropped. */
  async #run<T>(
    request: (client: ApiClient) => Promise<ApiResult<T>>,
    onSuccess: (value: T) => FlowAction,
  ) {
    const client = this.#client;
    if (this.busy || !client) return;
    this.busy = true;
    try {
      const result = await request(client);
      if (result.ok) this.#dispatch(onSuccess(result.value));
      else this.#fail(result.failure);
    } finally {
      this.busy = false;
    }
  }

  #submit(submission: StepSubmission) {
    const flow = this.flow;
    switch (submission.step) {
      case 'sign-in':
        return this.#run(
          (client) =>
            client.signIn({ identifier: submission.identifier, password: submission.password }),
          () => ({ type: 'signed-in' }),
        );
      case 'reset-email':
        return this.#run(
          (client) => client.startReset({ email: submission.email }),
          (value) => ({ type: 'code-sent', email: submission.email, now: Date.now(), ...value }),
        );
      case 'reset-code':
        if (flow.step !== 'reset-code') return;
        return this.#run(
          (client) => client.verifyCode(flow.flowId, { code: submission.code }),
          () => ({ type: 'code-verified' }),
        );
      case 'new-password':
        if (flow.step !== 'new-password') return;
        return this.#run(
          (client) => client.setPassword(flow.flowId, { password: submission.password }),
          () => ({ type: 'password-changed' }),
        );
      default:
        return assertNever(submission);
    }
  }

  #resend() {
    const flow = this.flow;
    if (flow.step !== 'reset-code') return;
    return this.#run(
      (client) => client.resendCode(flow.flowId),
      (value) => ({ type: 'code-resent', now: Date.now(), ...value }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-app': GateApp;
  }
}
