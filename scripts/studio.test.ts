/**
 * The brand studio as a brand team uses it: `npm run studio` (Vite against the mock API), driven
 * in Debian's Chromium by role and label. Save writes into a scratch folder here, which
 * theme:check then checks as an out-of-tree pack.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { startStudio } from './studio.js';
import { chromiumArgs, chromiumPath } from '../test/support/chromium.js';
import { axeViolations } from '../test/server/support/axe.js';

const locales = ['en', 'nl', 'sv'] as const;
const stepsAndStates = 17;

function themeCheck(folder: string) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile('./node_modules/.bin/tsx', ['scripts/theme-check.ts', folder], (error, out, err) =>
      resolve({ code: error ? Number(error.code) : 0, output: out + err }),
    );
  });
}

describe('npm run studio', () => {
  let saveDir: string;
  let server: ViteDevServer;
  let url: string;
  let browser: Browser;
  let page: Page;

  before(async () => {
    saveDir = mkdtempSync(join(tmpdir(), 'gatehouse-studio-save-'));
    ({ server, url } = await startStudio(0, saveDir));
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${url}?tenant=contoso&pack=contoso&lang=en`);
    await page.getByText('No problems: this pack can be saved.').waitFor({ timeout: 90_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(saveDir, { recursive: true, force: true });
  });

  const frame = async (locale: string, width = 'phone'): Promise<Frame> => {
    const handle = await page.$(`iframe[data-locale="${locale}"][data-width="${width}"]`);
    return (await handle!.contentFrame())!;
  };

  const brandIn = (target: Frame) =>
    target
      .locator('section.cell')
      .first()
      .evaluate((cell) => getComputedStyle(cell).getPropertyValue('--gate-color-brand').trim());

  it('prints its URL', async () => {
    const child = spawn('./node_modules/.bin/tsx', ['scripts/studio.ts'], {
      env: { ...process.env, STUDIO_PORT: '0' },
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.on('exit', () => reject(new Error(`exited: ${out}`)));
      });
      assert.match(line, /^Gatehouse brand studio: http:\/\/127\.0\.0\.1:\d+\/studio\.html$/m);
    } finally {
      child.kill();
    }
  });

  it('shows every step in every state, the error states with their alert, in en, nl and sv', async () => {
    const labels = new Set<string>();
    for (const locale of locales) {
      for (const width of ['phone', 'desktop']) {
        const target = await frame(locale, width);
        await target
          .locator('section.cell')
          .nth(stepsAndStates - 1)
          .waitFor();
        assert.equal(await target.locator('html').getAttribute('lang'), locale);
        const sections = target.locator('section.cell');
        assert.equal(await sections.count(), stepsAndStates);
        const errors = target.locator('section.cell:not([data-preview$="/ready"])');
        const withAlert = errors.filter({ has: target.getByRole('alert') });
        await withAlert.nth((await errors.count()) - 1).waitFor();
        assert.equal(await withAlert.count(), await errors.count());
        labels.add(String(await sections.first().getAttribute('aria-label')));
      }
    }
    // The steps are labelled, and their pages written, in each frame's own language.
    assert.equal(labels.size, 3);
    const nl = await frame('nl');
    assert.equal(
      await nl.locator('[data-preview="sign-in/wrong-password"] [role="alert"]').count(),
      1,
    );
  });

  it('shows one step in one state, language and width at a time, and all at once again', async () => {
    await page.getByRole('radio', { name: 'One at a time' }).check();
    const select = (name: string) =>
      page.locator('gate-studio-preview label', { hasText: name }).locator('select');
    await select('Step and state').selectOption({ label: 'Reset: code: wrong code' });
    await select('Language').selectOption('nl');
    await select('Width').selectOption('desktop');
    const target = await frame('nl', 'desktop');
    await target.locator('[data-preview="reset-code/wrong-code"] [role="alert"]').waitFor();
    assert.equal(await target.locator('section.cell').count(), 1);
    assert.equal(await page.locator('gate-studio-preview iframe').count(), 1);
    assert.equal(
      await page.locator('gate-studio-preview iframe').evaluate((frame) => frame.clientWidth),
      1280,
    );
    await page.getByRole('radio', { name: 'All at once' }).check();
    await page.locator('gate-studio-preview iframe').nth(5).waitFor();
    assert.equal(await page.locator('gate-studio-preview iframe').count(), 6);
    for (const locale of locales) {
      for (const width of ['phone', 'desktop']) {
        const shown = await frame(locale, width);
        await shown
          .locator('section.cell')
          .nth(stepsAndStates - 1)
          .waitFor();
      }
    }
  });

  it('updates every preview when a colour changes, without reloading them', async () => {
    const frames = await Promise.all(locales.map((locale) => frame(locale)));
    for (const target of frames)
      await target.evaluate(() => ((window as unknown as Record<string, number>)['kept'] = 1));
    await page.getByLabel('color-brand', { exact: true }).fill('#7a00cc');
    for (const target of frames) {
      await target.waitForFunction(
        () =>
          getComputedStyle(document.querySelector('section.cell')!)
            .getPropertyValue('--gate-color-brand')
            .trim() === '#7a00cc',
      );
      assert.equal(await brandIn(target), '#7a00cc');
      assert.equal(
        await target.evaluate(() => (window as unknown as Record<string, number>)['kept']),
        1,
      );
    }
    await page.getByLabel('color-brand', { exact: true }).fill('#00665e');
  });

  it('previews the three emails in every language, with the PNG logo, again after an edit', async () => {
    const emails = page.locator('gate-studio-email-preview');
    for (const locale of locales) {
      await emails.locator(`section[data-locale="${locale}"] figure`).nth(2).waitFor();
      assert.equal(await emails.locator(`section[data-locale="${locale}"] figure`).count(), 3);
    }
    await emails.getByText('Verification code (nl): Je verificatiecode voor Contoso').waitFor();
    await emails
      .getByText('Password changed (sv): Lösenordet till ditt Contoso-konto har ändrats')
      .waitFor();
    const code = emails.locator('section[data-locale="en"] figure[data-kind="verification-code"]');
    const message = (await code.locator('iframe').elementHandle())!;
    const mail = (await message.contentFrame())!;
    assert.match(
      String(await mail.locator('img').first().getAttribute('src')),
      /^data:image\/png;base64,/,
    );
    assert.match((await code.locator('pre').textContent()) ?? '', /428617/);
    await page.getByLabel('color-brand', { exact: true }).fill('#7a00cc');
    await page.waitForFunction(() =>
      [
        ...document
          .querySelector('gate-studio')!
          .shadowRoot!.querySelector('gate-studio-email-preview')!
          .shadowRoot!.querySelectorAll('iframe'),
      ].every((frame) => frame.srcdoc.includes('#7a00cc')),
    );
    await page.getByLabel('color-brand', { exact: true }).fill('#00665e');
  });

  it('shows a contrast error at the field with a colour that passes, and refuses to save', async () => {
    await page.getByLabel('color-text-quiet', { exact: true }).fill('#a0a0a0');
    const field = page.locator('gate-studio-color-field[name="color-text-quiet"]');
    await field
      .getByText('contrast 2.61:1 on color-surface (intros and hints) is below 4.5:1')
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save' }).isDisabled(), true);
    const suggestion = field.getByRole('button', { name: /^Use #[0-9a-f]{6}, which passes$/ });
    await suggestion.click();
    await page.getByText('No problems: this pack can be saved.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save' }).isDisabled(), false);
  });

  it('does not save a broken pack, even when asked directly', async () => {
    const response = await page.evaluate(async () => {
      const answer = await fetch('/__studio/save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: 'broken-pack',
          manifest: {
            id: 'broken-pack',
            name: 'Broken',
            extends: 'default',
            tokens: { 'color-text': '#eeeeee' },
          },
          text: {},
        }),
      });
      return { status: answer.status, body: (await answer.json()) as { errors: string[] } };
    });
    assert.equal(response.status, 422);
    assert.match(
      response.body.errors.join('\n'),
      /themes\/broken-pack\/theme\.json: tokens\.color-text: contrast/,
    );
    assert.equal(existsSync(join(saveDir, 'broken-pack')), false);
  });

  it('copies a pack and saves one that theme:check accepts', async () => {
    await page.getByLabel('New pack id').fill('northwind');
    await page.getByRole('button', { name: 'Copy this pack' }).click();
    await page.getByText('Copied to northwind.').waitFor();
    await page.getByLabel('color-brand', { exact: true }).fill('#1d4f91');
    await page.getByLabel('signInHeading (en)').fill('Sign in to Northwind');
    await page.getByText('No problems: this pack can be saved.').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved themes/northwind/.').waitFor();
    const manifest = JSON.parse(readFileSync(join(saveDir, 'northwind/theme.json'), 'utf8')) as {
      id: string;
      tokens: Record<string, string>;
    };
    assert.equal(manifest.id, 'northwind');
    assert.equal(manifest.tokens['color-brand'], '#1d4f91');
    assert.ok(existsSync(join(saveDir, 'northwind/assets/banner-logo.svg')));
    const checked = await themeCheck(join(saveDir, 'northwind'));
    assert.equal(checked.code, 0, checked.output);
  });

  it('is accessible (axe)', async () => {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, []);
  });
});
