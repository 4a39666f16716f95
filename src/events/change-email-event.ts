/** The user wants to enter a different email address. */
export class ChangeEmailEvent extends Event {
  static readonly eventName = 'gate-change-email';
  constructor() {
    super(ChangeEmailEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-change-email': ChangeEmailEvent;
  }
}
