import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClientOptions } from '../api/client.js';
import {
  initialFlowState,
  urlFlowState,
  urlStepOf,
  type FlowContext,
  type FlowState,
  type StepSubmission,
} from '../flow/flow-state.js';
import { notFound } from './first-step.js';
import type { FlowAction } from '../flow/reducer.js';
import type { Intent } from '../flow/effects.js';
import { policySteps, type UrlStep } from '../flow/policy-steps.js';
import { dropSuperseded, Latest } from './latest.js';

type Effects = typeof import('./flow-effects.js');

/**
 * The reducer, the effects and the API client load with the first action (or ahead of it), not
 * with the page. Without them (offline) the page stays as it is.
 */
const loadEffects = (): Promise<Effects | undefined> =>
  import('./flow-effects.js').catch(() => undefined);

/**
 * Holds the flow's state and runs its effects: one request at a time (a second submit while one
 * runs is dropped), and an answer that arrives after the flow has moved on (Cancel, Back, a
 * restart) is dropped by `latest`, the one place that guards against stale answers.
 */
export class FlowController implements ReactiveController {
  /** The policy and return address of this visit; unset until the tenant's settings are read. */
  context: FlowContext | undefined;
  /** The API of the tenant being shown. */
  api: ApiClientOptions | undefined;
  /** A request for the current step is running. */
  busy = false;
  /** Every new state (and restart) supersedes the work begun before it. */
  readonly latest = new Latest();

  #state: FlowState | undefined;
  /** The state the host last rendered. */
  #shown: FlowState | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** After the host has rendered a new state. */
    private readonly onShown: (state: FlowState, previous: FlowState | undefined) => void,
  ) {
    host.addController(this);
  }

  get state(): FlowState | undefined {
    return this.#state;
  }

  set state(state: FlowState | undefined) {
    if (state === this.#state) return;
    this.#state = state;
    this.latest.next();
    this.host.requestUpdate();
  }

  /** Starts over: no state, no context, and nothing begun before is applied. */
  reset() {
    this.state = undefined;
    this.context = undefined;
    this.latest.next();
  }

  hostUpdated() {
    const previous = this.#shown;
    this.#shown = this.#state;
    if (this.#state && this.#state !== previous) this.onShown(this.#state, previous);
  }

  /** Applies `action` to the state of the moment the reducer is there. */
  async dispatch(action: FlowAction) {
    this.#reduce(await loadEffects(), action);
  }

  async submit(submission: StepSubmission) {
    // What was typed stays with the step, so that Back shows it again.
    const { step } = submission;
    if (step === 'sign-in' || step === 'reset-email') {
      await this.dispatch({
        type: 'entered',
        value: step === 'sign-in' ? submission.identifier : submission.email,
      });
    }
    return this.run(submission);
  }

  async run(intent: Intent) {
    const { api, state, context } = this;
    if (this.busy || !api || !state || !context) return;
    this.#setBusy(true);
    const answer = loadEffects().then(
      async (effects) =>
        effects && { effects, action: await effects.runEffect(api, intent, state, context) },
    );
    try {
      const done = await this.latest.fresh(answer);
      if (done?.action) this.#reduce(done.effects, done.action);
    } catch (error) {
      dropSuperseded(error);
    } finally {
      this.#setBusy(false);
    }
  }

  /**
   * The state to show for a step named by the URL: the remembered state of that history entry
   * where the server still knows its flow, else the policy's first step.
   */
  async stepFor(step: UrlStep | undefined, snapshot: FlowState | undefined): Promise<FlowState> {
    const context = this.context!;
    const steps = policySteps(context.policy, context.resetAllowed);
    if (step !== undefined && !steps.includes(step)) return notFound;
    if (context.policy.kind === 'password-change' && step !== 'password-changed') {
      const email = await (await loadEffects())?.signedInAs(this.api!);
      if (email) return { step: 'change-password', email };
    }
    if (!snapshot || urlStepOf(snapshot) !== (step ?? steps[0])) return urlFlowState(context, step);
    if (snapshot.step !== 'reset-code' && snapshot.step !== 'new-password') return snapshot;
    const effects = await loadEffects();
    return (await effects?.restoreStep(this.api!, snapshot)) ?? initialFlowState(context);
  }

  /**
   * Announces leaving for `state.url` on `target` and goes, unless a listener cancels. The state
   * came from the reducer, so the chunk that makes the event is there already.
   */
  async leave(target: EventTarget, state: Extract<FlowState, { step: 'redirect' }>) {
    const effects = await loadEffects();
    if (effects && target.dispatchEvent(effects.leavingEvent(state))) location.assign(state.url);
  }

  #reduce(effects: Effects | undefined, action: FlowAction) {
    if (effects && this.#state && this.context) {
      this.state = effects.nextFlowState(this.#state, action, this.context);
    }
  }

  #setBusy(busy: boolean) {
    this.busy = busy;
    this.host.requestUpdate();
  }
}
