/**
 * The server and the app decide a visit's first step with one function (src/app/first-step.ts).
 * Here, in Chromium against the real server, each visit is seen twice: as the server renders it
 * (the script refused) and as `gate-app` renders it once it has taken over. Where the server
 * renders a step, the app shows the very same one: language, frame, heading, fields, values and
 * links; only a URL that names nothing is left to the app.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { buildPagesIfStale } from '../../scripts/build-pages.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { freshDataDir, removeDir } from './support/data-dir.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

/**
 * What a user meets on the page, read in the page. A string, not a function: the test's
 * compiler would wrap named functions in helpers the page does not have.
 */
const readView = `(() => {
  const app = document.querySelector('gate-app');
  const main = app && app.querySelector('main');
  if (!main) return null;
  const text = (node) => (node.textContent || '').replace(/\\s+/g, ' ').trim();
  const attributes = (node, names) =>
    node ? Object.fromEntries(names.map((name) => [name, node.getAttribute(name)])) : null;
  const banner = app.querySelector('gate-theme-banner');
  return {
    title: document.title,
    lang: document.documentElement.lang,
    shellLang: app.querySelector('.gate-shell')?.getAttribute('lang') ?? null,
    // The server's copy names the logo by path, the app's by URL: the same file.
    banner: banner && {
      ...attributes(banner, ['label', 'width', 'height']),
      src: new URL(banner.getAttribute('src'), location.href).href,
    },
    picker: attributes(app.querySelector('gate-locale-picker'), ['locales', 'value']),
    footer: attributes(app.querySelector('gate-theme-footer'), ['links']),
    tenantName: app.querySelector('.gate-tenant-name')?.textContent ?? null,
    headings: [...main.querySelectorAll('h1, h2')].map(text),
    labels: [...main.querySelectorAll('label')].map(text),
    fields: [...main.querySelectorAll('input')].map((input) => ({
      id: input.id,
      type: input.type,
      value: input.value,
      autocomplete: input.autocomplete,
    })),
    links: [...main.querySelectorAll('a')].map((link) => [text(link), link.getAttribute('href')]),
    buttons: [...main.querySelectorAll('button')].map(text),
  };
})()`;

type View = Record<string, unknown> | null;

describe('the first step: the server renders what the app shows', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: TestBrowser;

  before(async () => {
    buildPagesIfStale('dist');
    dataDir = await freshDataDir();
    server = await startServerProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  /** The page as the server sent it: its script is refused, so nothing replaces the rendering. */
  async function serverView(path: string): Promise<View> {
    const page = await browser.context.newPage();
    await page.route('**/assets/main-*.js', (route) => route.abort());
    await page.goto(`${server.url}${path}`);
    const view = (await page.evaluate(readView)) as View;
    await page.close();
    return view;
  }

  /**
   * The step element `gate-app` shows once it has taken over, and the page once the app has named
   * it (`title`, when given, is the name to wait for).
   */
  async function appView(page: Page, path: string, title?: string) {
    await page.goto(`${server.url}${path}`);
    const step = await page.waitForFunction(
      () =>
        [...document.querySelectorAll('gate-app main > *')].find((node) =>
          /^gate-.+-page$/.test(node.localName),
        )?.localName,
    );
    if (title) {
      await page
        .waitForFunction((name) => document.title === name, title, { timeout: 10_000 })
        .catch(() => undefined);
    }
    return { step: await step.jsonValue(), view: (await page.evaluate(readView)) as View };
  }

  const rendered = [
    ['/contoso/B2C_1_signin', 'gate-sign-in-page'],
    ['/contoso/B2C_1_signin?ui_locales=sv&login_hint=ada%40contoso.example', 'gate-sign-in-page'],
    [
      '/contoso/B2C_1_signin?ui_locales=nl&redirect_uri=https%3A%2F%2Fcontoso.example%2Fauth%2Fcallback',
      'gate-sign-in-page',
    ],
    ['/fabrikam/B2C_1_signin', 'gate-sign-in-page'],
    ['/fabrikam/B2C_1_signin?ui_locales=en&login_hint=%3Cb%3E%24%26', 'gate-sign-in-page'],
    // The reset link, opened where nothing is remembered for it (a new tab, or no script).
    ['/contoso/B2C_1_signin/reset-email?ui_locales=nl', 'gate-reset-email-page'],
    ['/contoso/B2C_1_passwordreset', 'gate-reset-email-page'],
    ['/contoso/B2C_1_passwordreset?login_hint=ada%40contoso.example', 'gate-reset-email-page'],
    ['/contoso/B2C_1_signin?redirect_uri=https%3A%2F%2Fevil.example%2F', 'gate-error-page'],
  ] as const;
  for (const [path, step] of rendered) {
    it(`shows the step the server rendered: ${path}`, async () => {
      const before = await serverView(path);
      assert.ok(before, 'the server rendered a first step');
      const page = await browser.context.newPage();
      const after = await appView(page, path, String(before.title));
      assert.equal(after.step, step);
      assert.deepEqual(after.view, before);
      await page.close();
    });
  }

  it('renders nothing where the URL names nothing: the app shows its error page', async () => {
    const path = '/contoso/B2C_1_nosuchpolicy';
    assert.equal(await serverView(path), null);
    const page = await browser.context.newPage();
    assert.equal((await appView(page, path)).step, 'gate-error-page');
    await page.close();
  });
});
