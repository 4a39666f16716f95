import type { StepSubmission } from '../flow/flow-state.js';

/** A step's form was submitted with valid input. */
export class StepSubmitEvent extends Event {
  static readonly eventName = 'gate-step-submit';
  constructor(readonly submission: StepSubmission) {
    super(StepSubmitEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-step-submit': StepSubmitEvent;
  }
}
