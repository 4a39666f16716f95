/**
 * React wrappers (`gatehouse-elements/react`), made with @lit/react: the element's properties are
 * typed props, and its events typed callbacks (`onSignedIn`, `onFlowChange`, `onRedirect`,
 * `onLocaleChange`). Works with React 17 to 19; React is the host's (a peer dependency).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  FlowChangeEvent,
  GateApp as GateAppElement,
  LocaleChangeEvent,
  RedirectEvent,
  SignedInEvent,
} from './index.js';

export const GateApp = createComponent({
  tagName: 'gate-app',
  elementClass: GateAppElement,
  react: React,
  events: {
    onFlowChange: FlowChangeEvent.eventName as EventName<FlowChangeEvent>,
    onRedirect: RedirectEvent.eventName as EventName<RedirectEvent>,
    onSignedIn: SignedInEvent.eventName as EventName<SignedInEvent>,
    onLocaleChange: LocaleChangeEvent.eventName as EventName<LocaleChangeEvent>,
  },
});

export * from './index.js';
