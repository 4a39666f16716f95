/**
 * `npm run theme:shots <pack> [folder]`: a contact sheet for brand reviews and pull requests.
 * PNG screenshots of every step in every state, in every locale, at phone and desktop width, as
 * the studio previews them (the mock API makes the states), every email in every locale, and one
 * overview image of them all.
 * Written to `shots/<pack>/` unless a folder is named. Debian's Chromium through playwright-core.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/support/chromium.js';
import { themeLocales } from '../src/theme/theme-text.schema.js';
import type { EmailPreviewRequest, PreviewEmail } from '../src/studio/email-preview.js';
import { startStudio } from './studio.js';
import { packIds, shippedThemesDir } from './theme-packs.js';

const widths = { phone: 390, desktop: 1280 } as const;

/** Each email in each language, as the studio previews it (rendered by the server's mail code). */
async function emailShots(
  browser: Browser,
  endpoint: string,
  request: EmailPreviewRequest,
  folder: string,
): Promise<string[]> {
  const response = await fetch(endpoint, { method: 'POST', body: JSON.stringify(request) });
  const { emails } = (await response.json()) as { emails: PreviewEmail[] };
  const page = await browser.newPage({ viewport: { width: 640, height: 900 } });
  const written: string[] = [];
  for (const email of emails) {
    await page.setContent(email.html);
    const file = join(folder, `${email.locale}-email-${email.kind}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
  }
  await page.close();
  return written;
}

export async function themeShots(pack: string, folder = join('shots', pack)): Promise<string[]> {
  const { server, url } = await startStudio(0);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const written: string[] = [];
  try {
    await mkdir(folder, { recursive: true });
    const studio = await browser.newPage();
    await studio.goto(`${url}?pack=${pack}&lang=en`);
    // The studio has the resolved pack and the states the mock scenarios made.
    const found = await studio.waitForFunction(
      () => {
        const preview = document
          .querySelector('gate-studio')
          ?.shadowRoot?.querySelector('gate-studio-preview');
        const ready = preview?.theme && Object.keys(preview.failures).length > 0;
        const studio = document.querySelector('gate-studio') as unknown as {
          resolved: unknown;
          tenantId: string;
        };
        return (
          ready && {
            message: {
              type: 'gate-studio-preview',
              theme: preview.theme,
              failures: preview.failures,
              tenantName: preview.tenantName,
            },
            emails: { tenant: studio.tenantId, theme: studio.resolved },
          }
        );
      },
      undefined,
      { timeout: 120_000 },
    );
    const shown = await found.jsonValue();
    // waitForFunction settles only on a truthy value; this tells the type checker.
    if (!shown) throw new Error('theme:shots: the studio never showed the pack');
    const { message: data, emails } = shown;
    const origin = new URL(url).origin;
    for (const locale of themeLocales) {
      for (const [width, pixels] of Object.entries(widths)) {
        const page = await browser.newPage({ viewport: { width: pixels, height: 900 } });
        await page.goto(`${origin}/studio-preview.html?locale=${locale}`);
        // The frame listens only once its locale has loaded, which the load event does not await.
        await page.locator('gate-studio-preview-grid').waitFor({ state: 'attached' });
        await page.evaluate((posted) => window.postMessage(posted, location.origin), data);
        const cells = page.locator('section.cell');
        await cells.last().waitFor();
        for (const cell of await cells.all()) {
          const name = (await cell.getAttribute('data-preview'))!.replace('/', '-');
          const file = join(folder, `${locale}-${width}-${name}.png`);
          await cell.screenshot({ path: file });
          written.push(file);
        }
        await page.close();
      }
    }
    written.push(...(await emailShots(browser, `${origin}/__studio/emails`, emails, folder)));
    const overview = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const images = await Promise.all(
      written.map(async (file) => {
        const data = (await readFile(file)).toString('base64');
        return `<figure><img alt="" src="data:image/png;base64,${data}"><figcaption>${file.split('/').pop()}</figcaption></figure>`;
      }),
    );
    await overview.setContent(
      `<style>body{margin:8px;font:12px sans-serif;display:flex;flex-wrap:wrap;gap:8px;align-items:start}figure{margin:0;width:190px}img{width:190px}</style>${images.join('')}`,
    );
    const sheet = join(folder, 'overview.png');
    await overview.screenshot({ path: sheet, fullPage: true });
    written.push(sheet);
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [pack = '', folder = join('shots', pack)] = process.argv.slice(2);
  if (!(await packIds(shippedThemesDir)).includes(pack)) {
    console.error(
      `theme:shots: usage: npm run theme:shots <pack> [folder]; no pack "${pack}" in themes/`,
    );
    process.exitCode = 2;
  } else {
    const files = await themeShots(pack, folder);
    console.log(`theme:shots: ${files.length} images in ${folder}`);
  }
}
