import tenants from 'virtual:gatehouse/tenants';
import { demoTenants } from '../demo/demo-tenants.js';
import { themeIdPattern } from '../theme/pack-fields.js';
import { startMockApi } from './browser.js';
import { isScenarioName } from './scenarios.js';

/**
 * The mock API as dev mode runs it, on the tenants of the tenants folder (scripts/vite-tenants.ts):
 * `?scenario=<name>` picks a business case, `?theme=<id>` shows every tenant in pack `<id>`, and
 * every email the mock "sends" is printed to the browser console, where a developer can read the
 * code.
 */
export function startDevMockApi(url: URL) {
  const requested = url.searchParams.get('scenario');
  const scenario = isScenarioName(requested) ? requested : 'default';
  const theme = url.searchParams.get('theme');
  const previewed = theme !== null && themeIdPattern.test(theme) ? theme : undefined;
  console.info(`[gatehouse mock] scenario: ${scenario}${previewed ? `, theme: ${previewed}` : ''}`);
  return startMockApi({
    scenario,
    tenants: demoTenants(
      tenants.map((tenant) => (previewed ? { ...tenant, theme: previewed } : tenant)),
    ),
    onMail: (mail) =>
      console.info(
        `[gatehouse mock] ${mail.kind} email to ${mail.to}${mail.code ? `: code ${mail.code}` : ''}`,
      ),
  });
}
