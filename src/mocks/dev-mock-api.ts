import { startMockApi } from './browser.js';
import { isScenarioName } from './scenarios.js';

/**
 * The mock API as dev mode runs it: `?scenario=<name>` picks a business case, and every email
 * the mock "sends" is printed to the browser console, where a developer can read the code.
 */
export function startDevMockApi(url: URL) {
  const requested = url.searchParams.get('scenario');
  const scenario = isScenarioName(requested) ? requested : 'default';
  console.info(`[gatehouse mock] scenario: ${scenario}`);
  return startMockApi({
    scenario,
    onMail: (mail) =>
      console.info(
        `[gatehouse mock] ${mail.kind} email to ${mail.to}${mail.code ? `: code ${mail.code}` : ''}`,
      ),
  });
}
