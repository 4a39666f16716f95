import { loadFailureTexts } from '../pages/step-page.js';
import { stepPages } from './step-pages.js';

/**
 * Every step's element defined, and the alerts' sentences loaded: what the server needs before
 * it renders any step into a page (the browser loads each on demand).
 */
export async function loadEveryStep(): Promise<void> {
  await Promise.all([
    ...Object.values(stepPages).map((load) => load()),
    import('../pages/password-setup-offer.js'),
    loadFailureTexts(),
  ]);
}
