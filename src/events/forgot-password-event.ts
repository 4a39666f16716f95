/** The user followed "Can't access your account?"; carries what they had typed as their email. */
export class ForgotPasswordEvent extends Event {
  static readonly eventName = 'gate-forgot-password';
  constructor(readonly identifier: string) {
    super(ForgotPasswordEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-forgot-password': ForgotPasswordEvent;
  }
}
