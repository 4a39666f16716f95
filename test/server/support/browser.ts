/**
 * Debian's Chromium driven by playwright-core, with the flags this machine needs and a fresh
 * profile each time. Content Security Policy violations are collected from every page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../support/chromium.js';

export interface TestBrowser {
  context: BrowserContext;
  /** Every CSP violation any page reported, as "directive blocked-uri", and console errors naming CSP. */
  cspViolations: string[];
  close(): Promise<void>;
}

/** `javaScriptEnabled: false` browses as with the script turned off in the browser's settings. */
export async function launchBrowser(
  options: { javaScriptEnabled?: boolean } = {},
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gatehouse-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const cspViolations: string[] = [];
  await context.exposeBinding('__gatehouseCspViolation', (_source, report: string) => {
    cspViolations.push(report);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __gatehouseCspViolation(text: string): void })
        .__gatehouseCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
  return {
    context,
    cspViolations,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
