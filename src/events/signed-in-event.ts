/**
 * An embedded `<gate-app>` signed the user in for the app whose `authorization-url` it was given,
 * and is about to send the browser to the front door (`detail.url`), which answers the app's
 * redirect URI with an authorization code. The event names nobody: who signed in is what the app learns from the
 * tokens it gets for that code. Cancel it to navigate yourself (to `detail.url`).
 */
export class SignedInEvent extends CustomEvent<{ url: string }> {
  static readonly eventName = 'gate-signed-in';
  constructor(url: string) {
    super(SignedInEvent.eventName, { detail: { url }, bubbles: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-signed-in': SignedInEvent;
  }
}
