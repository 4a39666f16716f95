/**
 * The library entry (`import 'gatehouse-elements'`): registers `<gate-app>` and with it the step
 * pages, which load on demand. Unlike the hosted page's entry (src/main.ts) it reads no boot data
 * and leaves the URL alone: an element in someone else's page routes nothing. The public
 * elements, events and types are exported from here; docs/embedding.md shows how to use them.
 */
import './host-guard.js';

export { GateApp } from '../app/app.js';
export { FlowChangeEvent } from '../events/flow-change-event.js';
export { RedirectEvent } from '../events/redirect-event.js';
export { SignedInEvent } from '../events/signed-in-event.js';
export { LocaleChangeEvent } from '../events/locale-change-event.js';
export type { StepId } from '../flow/flow-state.js';
export type { TenantConfig } from '../api/contract.schema.js';
export type { SupportedLocale } from '../i18n/negotiate-locale.js';
