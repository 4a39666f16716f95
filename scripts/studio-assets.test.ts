/**
 * The studio's asset fields in Debian's Chromium: a logo, favicon or brand font picked or dropped
 * shows in the previews at once, a file a field refuses says why there and cannot be saved, and
 * Save writes the files next to theme.json, for theme:check to accept. Save writes into a scratch
 * folder here.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { startStudio } from './studio.js';
import { chromiumArgs, chromiumPath } from '../test/support/chromium.js';
import { solidPng } from '../test/support/png-file.js';
import { axeViolations } from '../test/server/support/axe.js';

const locales = ['en', 'nl', 'sv'] as const;
const font = 'themes/fabrikam/assets/atkinson-hyperlegible-400.woff2';
const svgLogo =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="48" viewBox="0 0 200 48">' +
  '<rect width="200" height="48" fill="#00665e"/></svg>';

function themeCheck(folder: string) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile('./node_modules/.bin/tsx', ['scripts/theme-check.ts', folder], (error, out, err) =>
      resolve({ code: error ? Number(error.code) : 0, output: out + err }),
    );
  });
}

/** The banner logo of a preview frame, once it has loaded from a dropped file's object URL. */
function droppedLogoWidth(target: Frame, width: number) {
  return target.waitForFunction((expected) => {
    const img = document
      .querySelector('gate-theme-banner')
      ?.shadowRoot?.querySelector<HTMLImageElement>('img');
    return img?.src.startsWith('blob:') && img.complete && img.naturalWidth === expected;
  }, width);
}

describe('the studio: images and fonts', () => {
  let saveDir: string;
  let server: ViteDevServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    saveDir = mkdtempSync(join(tmpdir(), 'gatehouse-studio-assets-'));
    const studio = await startStudio(0, saveDir);
    server = studio.server;
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${studio.url}?tenant=contoso&pack=contoso&lang=en`);
    await page.getByText('No problems: this pack can be saved.').waitFor({ timeout: 90_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(saveDir, { recursive: true, force: true });
  });

  const frame = async (locale: string): Promise<Frame> => {
    const handle = await page.$(`iframe[data-locale="${locale}"][data-width="phone"]`);
    return (await handle!.contentFrame())!;
  };
  const field = (kind: string, index = 0) =>
    page.locator(`gate-studio-asset-field[kind="${kind}"][index="${index}"]`);
  const save = () => page.getByRole('button', { name: 'Save' });

  it('shows a picked PNG logo in every preview at once, without reloading them', async () => {
    const frames = await Promise.all(locales.map((locale) => frame(locale)));
    for (const target of frames) {
      await target.locator('gate-theme-banner').first().waitFor();
      await target.evaluate(() => ((window as unknown as Record<string, number>)['kept'] = 1));
    }
    await page.getByLabel('Banner logo', { exact: true }).setInputFiles({
      name: 'Brand Logo.PNG',
      mimeType: 'image/png',
      buffer: solidPng(120, 40),
    });
    for (const target of frames) {
      await droppedLogoWidth(target, 120);
      assert.equal(
        await target.evaluate(() => (window as unknown as Record<string, number>)['kept']),
        1,
      );
    }
    await field('bannerLogo').getByText('Now: contoso/assets/banner-logo.png').waitFor();
    await page.getByText('No problems: this pack can be saved.').waitFor();
    // The emails carry a PNG logo as it is.
    const inline = `data:image/png;base64,${solidPng(120, 40).toString('base64')}`;
    await page.waitForFunction((src) => {
      const frames = [
        ...document
          .querySelector('gate-studio')!
          .shadowRoot!.querySelector('gate-studio-email-preview')!
          .shadowRoot!.querySelectorAll('iframe'),
      ];
      return frames.length === 9 && frames.every((frame) => frame.srcdoc.includes(src));
    }, inline);
  });

  it('takes an SVG logo dropped on its field', async () => {
    const dataTransfer = await page.evaluateHandle((svg) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([svg], 'logo.svg', { type: 'image/svg+xml' }));
      return transfer;
    }, svgLogo);
    await field('bannerLogo').locator('div').first().dispatchEvent('drop', { dataTransfer });
    await droppedLogoWidth(await frame('sv'), 200);
    await field('bannerLogo').getByText('Now: contoso/assets/banner-logo.svg').waitFor();
    await page.getByText('No problems: this pack can be saved.').waitFor();
  });

  it('says at the field why it refuses a file too large or of the wrong type, and does not save', async () => {
    const large = solidPng(120, 40, 12 * 1024);
    await page.getByLabel('Banner logo', { exact: true }).setInputFiles({
      name: 'large.png',
      mimeType: 'image/png',
      buffer: large,
    });
    const size = Math.ceil(large.length / 1024);
    await field('bannerLogo')
      .getByText(`large.png is ${size} KB; this field takes at most 10 KB.`)
      .waitFor();
    assert.equal(
      await page.getByLabel('Banner logo', { exact: true }).getAttribute('aria-invalid'),
      'true',
    );
    await page
      .locator('.problems')
      .getByText(/assets\.bannerLogo: is \d+ KB; at most 10 KB/)
      .waitFor();
    assert.equal(await save().isDisabled(), true);

    await page.getByLabel('Favicon (browser tab icon)', { exact: true }).setInputFiles({
      name: 'icon.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from('GIF89a'),
    });
    await field('favicon')
      .getByText('icon.gif is not a file this field takes (.svg, .png).')
      .waitFor();
    assert.equal(await save().isDisabled(), true);

    // A file the field takes in its place clears the field, and the pack can be saved again.
    await page.getByLabel('Banner logo', { exact: true }).setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: solidPng(120, 40),
    });
    await page.getByLabel('Favicon (browser tab icon)', { exact: true }).setInputFiles({
      name: 'favicon.png',
      mimeType: 'image/png',
      buffer: solidPng(32, 32),
    });
    await page.getByText('No problems: this pack can be saved.').waitFor();
    assert.equal(await field('bannerLogo').locator('.problem').count(), 0);
    assert.equal(await save().isDisabled(), false);
  });

  it('refuses an oversized font at its field', async () => {
    await page.getByLabel('New font face (of the first family in font-family)').setInputFiles({
      name: 'huge.woff2',
      mimeType: 'font/woff2',
      buffer: Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(101 * 1024)]),
    });
    await field('font', 0)
      .getByText('huge.woff2 is 102 KB; this field takes at most 100 KB.')
      .waitFor();
    await page
      .locator('.problems')
      .getByText(/fonts\[0\]\.file: is 102 KB; at most 100 KB/)
      .waitFor();
    assert.equal(await save().isDisabled(), true);
    await field('font', 0)
      .getByRole('button', { name: /^Remove Font: Segoe UI 400/ })
      .click();
    await page.getByText('No problems: this pack can be saved.').waitFor();
  });

  it('saves the files next to theme.json, named there, in a pack theme:check accepts', async () => {
    await page.getByLabel('New pack id').fill('acme');
    await page.getByRole('button', { name: 'Copy this pack' }).click();
    await page.getByText('Copied to acme.').waitFor();
    await page.getByLabel('New font face (of the first family in font-family)').setInputFiles(font);
    await field('font', 0).getByText('Now: acme/assets/atkinson-hyperlegible-400.woff2').waitFor();
    await page.getByText('No problems: this pack can be saved.').waitFor();
    await save().click();
    await page.getByText('Saved themes/acme/.').waitFor();

    const pack = join(saveDir, 'acme');
    const manifest = JSON.parse(readFileSync(join(pack, 'theme.json'), 'utf8')) as {
      assets: Record<string, string>;
      fonts: unknown[];
    };
    assert.deepEqual(manifest.assets, {
      bannerLogo: 'assets/banner-logo.png',
      background: 'assets/background.svg',
      favicon: 'assets/favicon.png',
    });
    assert.deepEqual(manifest.fonts, [
      { family: 'Segoe UI', file: 'assets/atkinson-hyperlegible-400.woff2', weight: 400 },
    ]);
    assert.deepEqual(readFileSync(join(pack, 'assets/banner-logo.png')), solidPng(120, 40));
    assert.deepEqual(
      readFileSync(join(pack, 'assets/atkinson-hyperlegible-400.woff2')),
      readFileSync(font),
    );
    const checked = await themeCheck(pack);
    assert.equal(checked.code, 0, checked.output);
  });

  it('refuses, even when asked directly, a file name with a folder in it or of a kind no pack has', async () => {
    const png = solidPng(16, 16).toString('base64');
    for (const name of [
      '../../escape.png',
      '..\\escape.png',
      'assets/escape.png',
      'escape.exe',
      '.png',
    ]) {
      const response = await page.evaluate(
        async ({ name, png }) => {
          const answer = await fetch('/__studio/save', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              id: 'escape',
              manifest: { id: 'escape', name: 'Escape', extends: 'default' },
              text: {},
              files: { [name]: png },
            }),
          });
          return { status: answer.status, body: (await answer.json()) as { errors: string[] } };
        },
        { name, png },
      );
      assert.equal(response.status, 400, name);
      assert.match(response.body.errors.join('\n'), /not a file name a pack may use in assets\//);
    }
    assert.equal(existsSync(join(saveDir, 'escape')), false);
    assert.deepEqual(readdirSync(saveDir), ['acme']);
    assert.equal(existsSync(join(dirname(saveDir), 'escape.png')), false);
  });

  it('says why in the studio’s language, accessibly (axe)', async () => {
    const dutch = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await dutch.goto(page.url().replace('lang=en', 'lang=nl'));
      await dutch.getByLabel('Bannerlogo', { exact: true }).setInputFiles({
        name: 'logo.gif',
        mimeType: 'image/gif',
        buffer: Buffer.from('GIF89a'),
      });
      await dutch
        .locator('gate-studio-asset-field[kind="bannerLogo"]')
        .getByText('logo.gif is geen bestand dat dit veld aanneemt (.svg, .png).')
        .waitFor({ timeout: 90_000 });
      // The fields, a refusal among them, keep the page accessible.
      const violations = await axeViolations(dutch);
      assert.deepEqual(violations, []);
    } finally {
      await dutch.close();
    }
  });
});
