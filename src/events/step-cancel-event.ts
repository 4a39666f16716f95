/** The user chose Cancel: the flow goes back to sign-in. */
export class StepCancelEvent extends Event {
  static readonly eventName = 'gate-step-cancel';
  constructor() {
    super(StepCancelEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-step-cancel': StepCancelEvent;
  }
}
