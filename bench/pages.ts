/**
 * Browser figures in Debian's Chromium: when the password field is painted and when the page is
 * free to take input (against a plain HTML form served by the same server, and against the same
 * page without its script), what JS and CSS arrived before that, and how long a locale or theme
 * switch takes until the next frame shows it.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/support/chromium.js';

export const signInPath = '/contoso/B2C_1_signin';
/** A tenant whose pack ships brand fonts (two WOFF2 faces): they must not hold back the form. */
export const fontsSignInPath = '/fabrikam/B2C_1_signin';
export const baselinePath = '/assets/baseline.html';

export interface PageLoad {
  /** ms from navigation start until the frame that shows the password field, visible and enabled. */
  paintedMs: number;
  /**
   * ms until, after that frame, the main thread was free: a probe task queued in that frame had
   * its turn, and no long task that began before it was still running.
   */
  usableMs: number;
  /** First contentful paint, ms from navigation start. */
  fcpMs: number | undefined;
  /** JS and CSS responses that ended before the page was usable. */
  scripts: { path: string; encodedBytes: number; decodedBytes: number }[];
}

export interface Switch {
  to: string;
  /** Whether the locale or pack had been shown before (a repeat switch). */
  repeat: boolean;
  /** Whether the pack was named in the app's `themes` ahead, as a preview does (locales: false). */
  named: boolean;
  /** ms until the DOM showed it. */
  domMs: number;
  /** ms until the animation frame that paints it: the first frame that starts after the DOM showed it. */
  frameMs: number;
  /** The check that the switch really changed what is shown (text, colour). */
  changed: boolean;
}

type Measured = Omit<Switch, 'to' | 'repeat' | 'named'>;

/**
 * Runs before any script of the page: records the frame in which the password field is first
 * visible and enabled, and when the page is then free to take input. DOM changes are only watched
 * for the field to exist; its visibility is checked once a frame, when the browser computes styles
 * anyway, so that the probe adds no style work of its own. Long tasks are watched from the start.
 */
const visibilityProbe = `(() => {
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
    type: 'longtask',
    buffered: true,
  });
  const visible = (input) => {
    if (input.disabled) return false;
    if (!input.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = input.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const frame = () => {
    const input = document.querySelector('input[type="password"]');
    if (!input || !visible(input)) return requestAnimationFrame(frame);
    window.__benchPaintedMs = performance.now();
    // A task queued now runs after whatever the page had queued before it (a script to run).
    setTimeout(() => {
      const probe = performance.now();
      const busyUntil = longTasks
        .filter((task) => task.startTime < probe)
        .reduce((end, task) => Math.max(end, task.startTime + task.duration), 0);
      window.__benchUsableMs = Math.max(probe, busyUntil);
    });
  };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('input[type="password"]')) return;
    observer.disconnect();
    requestAnimationFrame(frame);
  });
  observer.observe(document, { childList: true, subtree: true });
  // Paint entries arrive a little after the paint: an observer sees them whenever they come.
  new PerformanceObserver((list) => {
    const fcp = list.getEntriesByName('first-contentful-paint')[0];
    if (fcp) window.__benchFcpMs = fcp.startTime;
  }).observe({ type: 'paint', buffered: true });
})();
//# sourceURL=bench-visibility-probe.js`;

export async function withBrowser<T>(run: (browser: Browser) => Promise<T>): Promise<T> {
  // Playwright gives every launch a fresh temporary profile (user data dir) of its own.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

/** A fresh context (no cache, no storage) with the HTTP cache switched off as well. */
async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript({ content: visibilityProbe });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page };
}

async function load(page: Page, url: string): Promise<PageLoad> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => (window as { __benchUsableMs?: number }).__benchUsableMs !== undefined,
    null,
    { polling: 20, timeout: 30_000 },
  );
  await page
    .waitForFunction(() => (window as { __benchFcpMs?: number }).__benchFcpMs !== undefined, null, {
      polling: 20,
      timeout: 2_000,
    })
    .catch(() => undefined);
  return page.evaluate(() => {
    const bench = window as { __benchPaintedMs?: number; __benchUsableMs?: number };
    const usableMs = bench.__benchUsableMs!;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.responseEnd <= usableMs)
      .filter((entry) => /\.(?:js|css)$/.test(new URL(entry.name).pathname))
      .map((entry) => ({
        path: new URL(entry.name).pathname,
        encodedBytes: entry.encodedBodySize,
        decodedBytes: entry.decodedBodySize,
      }));
    return {
      paintedMs: bench.__benchPaintedMs!,
      usableMs,
      fcpMs: (window as { __benchFcpMs?: number }).__benchFcpMs,
      scripts,
    };
  });
}

/**
 * `runs` loads of each page, interleaved (the order rotates every round), each in a fresh
 * context with the cache disabled, after one unmeasured load of each. `noScript` is the sign-in
 * page with its script refused: what a browser with JavaScript off gets.
 */
export async function measureLoads(browser: Browser, origin: string, runs: number) {
  const pages = {
    gatehouse: `${origin}${signInPath}`,
    baseline: `${origin}${baselinePath}`,
    fonts: `${origin}${fontsSignInPath}`,
    noScript: `${origin}${signInPath}`,
  };
  const names = Object.keys(pages) as (keyof typeof pages)[];
  const results: Record<keyof typeof pages, PageLoad[]> = {
    gatehouse: [],
    baseline: [],
    fonts: [],
    noScript: [],
  };
  for (let round = -1; round < runs; round += 1) {
    // Each page goes first in turn.
    const first = (round + names.length) % names.length;
    const order = [...names.slice(first), ...names.slice(0, first)];
    for (const name of order) {
      const { context, page } = await freshPage(browser);
      try {
        if (name === 'noScript') await page.route('**/assets/*.js', (route) => route.abort());
        const result = await load(page, pages[name]);
        if (round >= 0) results[name].push(result);
      } finally {
        await context.close();
      }
    }
  }
  return results;
}

/**
 * In the page (as source, since tsx would add helpers a page does not have): make a switch, note
 * when the page first shows it (checked on every DOM change) and when the first animation frame
 * after that starts. A locale goes through the language menu, as a user picks one; a theme
 * through the `theme` attribute, as a preview sets it.
 */
const timeSwitch = `async ([kind, target]) => {
  const app = document.querySelector('gate-app');
  const button = app.querySelector('button[type="submit"]');
  const seen = () =>
    kind === 'locale'
      ? document.documentElement.lang + ' ' + app.querySelector('main').textContent
      : app.getAttribute('data-gate-theme') + ' ' + getComputedStyle(button).backgroundColor;
  const shows = () =>
    kind === 'locale'
      ? document.documentElement.lang === target && seen() !== before
      : app.getAttribute('data-gate-theme') === target;
  const before = seen();
  return new Promise((resolve) => {
    const started = performance.now();
    let domMs;
    const observer = new MutationObserver(() => {
      if (domMs !== undefined || !shows()) return;
      domMs = performance.now() - started;
      observer.disconnect();
    });
    observer.observe(app, { subtree: true, childList: true, characterData: true, attributes: true });
    const frame = () => {
      if (domMs === undefined) return requestAnimationFrame(frame);
      resolve({ domMs, frameMs: performance.now() - started, changed: seen() !== before });
    };
    requestAnimationFrame(frame);
    if (kind === 'locale') {
      const select = app.querySelector('gate-locale-picker').shadowRoot.querySelector('select');
      select.value = target;
      select.dispatchEvent(new Event('change'));
    } else {
      app.setAttribute('theme', target);
    }
  });
}`;

/** The packs the page is told a preview offers (its `themes`); `default` is left out. */
const namedThemes = ['midnight', 'fabrikam'];

/**
 * Locale and theme switches on a loaded sign-in page: each target once when it is new to the page
 * (a locale fetched ahead by the page, a pack fetched ahead when named in `themes`, else on the
 * switch), then `repeats` rounds of switching back and forth.
 */
export async function measureSwitches(browser: Browser, origin: string, repeats: number) {
  const { context, page } = await freshPage(browser);
  try {
    await load(page, `${origin}${signInPath}`);
    await page.evaluate(
      (themes) => document.querySelector('gate-app')!.setAttribute('themes', themes),
      namedThemes.join(' '),
    );
    // Let the page settle: the other steps are fetched one second after the first paint.
    await page.waitForTimeout(1500);
    const run = async (kind: 'locale' | 'theme', start: string, targets: readonly string[]) => {
      const shown = new Set([start]);
      const results: Switch[] = [];
      for (const to of [...targets, ...Array.from({ length: repeats }, () => targets).flat()]) {
        const measured = (await page.evaluate(
          `(${timeSwitch})(${JSON.stringify([kind, to])})`,
        )) as Measured;
        results.push({
          to,
          repeat: shown.has(to),
          named: kind === 'theme' && namedThemes.includes(to),
          ...measured,
        });
        shown.add(to);
        await page.waitForTimeout(100);
      }
      return results;
    };
    const locales = await run('locale', 'en', ['nl', 'sv', 'en']);
    const themes = await run('theme', 'contoso', ['midnight', 'fabrikam', 'default', 'contoso']);
    return { locales, themes };
  } finally {
    await context.close();
  }
}
