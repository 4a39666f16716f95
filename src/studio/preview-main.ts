/**
 * Entry of one preview frame of the studio (`studio-preview.html?locale=nl`): every step and state
 * in one language (or, with `&only=reset-code/wrong-code`, that one), re-themed in place whenever the studio posts a changed pack.
 */
import { setLocale } from '../i18n/localization.js';
import { isSupportedLocale } from '../i18n/negotiate-locale.js';
import { previewReady, type PreviewMessage } from './preview-message.js';
import { GateStudioPreviewGrid } from './preview-grid.js';

const params = new URL(location.href).searchParams;
const requested = params.get('locale');
const locale = isSupportedLocale(requested) ? requested : 'en';
document.documentElement.lang = locale;
await setLocale(locale);
const grid = new GateStudioPreviewGrid();
grid.only = params.get('only') ?? '';
document.body.append(grid);
addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
  if (event.origin !== location.origin || event.data?.type !== 'gate-studio-preview') return;
  grid.theme = event.data.theme;
  grid.failures = event.data.failures;
  grid.tenantName = event.data.tenantName;
});
parent.postMessage(previewReady, location.origin);
