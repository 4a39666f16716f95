/** The user asked for a new verification code. */
export class ResendCodeEvent extends Event {
  static readonly eventName = 'gate-resend-code';
  constructor() {
    super(ResendCodeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-resend-code': ResendCodeEvent;
  }
}
