import type { SupportedLocale } from '../i18n/negotiate-locale.js';

/** The user picked another language; whoever owns the page switches to it (or not). */
export class LocaleChangeEvent extends Event {
  static readonly eventName = 'gate-locale-change';
  constructor(readonly locale: SupportedLocale) {
    super(LocaleChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-locale-change': LocaleChangeEvent;
  }
}
