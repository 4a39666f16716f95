/**
 * Entry of the hosted pages: the URL names tenant, policy and step. In the mock build
 * (`npm run dev`, and `npm start` until the server lands) the mock API starts first, so that the
 * app's first request already meets it.
 */
import { syncDocumentLanguage } from './i18n/localization.js';
import { GateApp } from './app/app.js';

async function main() {
  if (import.meta.env.MODE === 'mock') {
    const { startDevMockApi } = await import('./mocks/dev-mock-api.js');
    await startDevMockApi(new URL(location.href));
  }
  // Hosted, the app is the page: `<html lang>` follows the language it speaks.
  syncDocumentLanguage();
  const app = new GateApp();
  app.routing = 'history';
  document.body.append(app);
}

void main();
