/**
 * `<gate-app>` is about to leave for an allowed address (`detail.url`). Cancel it to navigate
 * yourself.
 */
export class RedirectEvent extends CustomEvent<{ url: string }> {
  static readonly eventName = 'gate-redirect';
  constructor(url: string) {
    super(RedirectEvent.eventName, { detail: { url }, bubbles: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-redirect': RedirectEvent;
  }
}
