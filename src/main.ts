/**
 * Entry of the hosted pages: the URL names tenant, policy and step, and the server's boot data
 * (app/boot-data.ts) brings the tenant's settings and theme pack. In the mock build
 * (`npm run dev`) the mock API starts first, so that the app's first request already meets it.
 */
import { syncDocumentLanguage } from './i18n/localization.js';
import { GateApp } from './app/app.js';
import { readBootData } from './app/boot-data.js';
import { preloadTheme } from './theme/runtime/load-theme.js';

async function main() {
  if (import.meta.env.MODE === 'mock') {
    const { startDevMockApi } = await import('./mocks/dev-mock-api.js');
    await startDevMockApi(new URL(location.href));
  }
  // Hosted, the app is the page: `<html lang>` follows the language it speaks.
  syncDocumentLanguage();
  // The server has rendered the first step into the page's <gate-app>; it takes over from there.
  const app = document.querySelector('gate-app') ?? new GateApp();
  app.routing = 'history';
  const boot = readBootData(document);
  if (boot?.theme) preloadTheme(boot.theme);
  app.preloadedConfig = boot?.config;
  if (!app.isConnected) document.body.append(app);
}

void main();
