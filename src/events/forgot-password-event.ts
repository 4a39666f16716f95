import type { ResetReason } from '../flow/flow-state.js';

/**
 * The user followed "Can't access your account?" (or, with a reason, "Set your password"); carries
 * what they had typed as their email.
 */
export class ForgotPasswordEvent extends Event {
  static readonly eventName = 'gate-forgot-password';
  constructor(
    readonly identifier: string,
    readonly reason?: ResetReason,
  ) {
    super(ForgotPasswordEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-forgot-password': ForgotPasswordEvent;
  }
}
