/**
 * What the flow controller loads with the first action (or ahead of it): the flow's effects and
 * reducer, and the events that announce leaving the pages, in one chunk, so that neither costs
 * the first load a byte nor the flow a second request.
 */
export * from '../flow/effects.js';
export { leavingEvent } from '../events/leaving-event.js';
