import type { FlowState } from '../flow/flow-state.js';
import { RedirectEvent } from './redirect-event.js';
import { SignedInEvent } from './signed-in-event.js';

/**
 * What announces leaving the pages: a sign-in for an app, or a return to an allowed address.
 * Loaded with the flow's effects (app/flow-effects.ts), so that the first load carries neither class.
 */
export const leavingEvent = (state: Extract<FlowState, { step: 'redirect' }>) =>
  state.signedIn ? new SignedInEvent(state.url) : new RedirectEvent(state.url);
