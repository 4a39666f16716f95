/** The user chose Continue on a page that ends a flow. */
export class StepContinueEvent extends Event {
  static readonly eventName = 'gate-step-continue';
  constructor() {
    super(StepContinueEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-step-continue': StepContinueEvent;
  }
}
