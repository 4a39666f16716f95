/**
 * Entry of the hosted pages. In the mock build (`npm run dev`, `npm start` for now) the mock API
 * starts first, so that the app's first request already meets it.
 */
import { GateApp } from './app/app.js';

async function main() {
  if (import.meta.env.MODE === 'mock') {
    const { startDevMockApi } = await import('./mocks/dev-mock-api.js');
    await startDevMockApi(new URL(location.href));
  }
  const app = new GateApp();
  const [tenant] = location.pathname.split('/').filter(Boolean);
  app.tenant = tenant ?? 'contoso';
  app.loginHint = new URL(location.href).searchParams.get('login_hint') ?? '';
  document.body.append(app);
}

void main();
