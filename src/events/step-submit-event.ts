/** What a step's form hands to whoever runs the flow. */
export type StepSubmission =
  | { step: 'sign-in'; identifier: string; password: string }
  | { step: 'reset-email'; email: string }
  | { step: 'reset-code'; code: string }
  | { step: 'confirm-email' }
  | { step: 'confirm-code'; code: string }
  | { step: 'new-password'; password: string };

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
