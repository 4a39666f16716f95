import type { StepId } from '../flow/flow-state.js';

/** `<gate-app>` shows another step (`detail.step`). */
export class FlowChangeEvent extends CustomEvent<{ step: StepId }> {
  static readonly eventName = 'gate-flow-change';
  constructor(step: StepId) {
    super(FlowChangeEvent.eventName, { detail: { step }, bubbles: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gate-flow-change': FlowChangeEvent;
  }
}
