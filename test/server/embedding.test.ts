/**
 * The elements as a developer embeds them (docs/embedding.md): the package is built and packed,
 * and each example is installed from the tarball into a fresh project, offline. The shop page
 * (examples/plain-html) and the React app (examples/react) run on their own origins, another
 * site than Gatehouse's (localhost against 127.0.0.1), and sign a demo user in against the real
 * server; their callbacks exchange the code with openid-client. A page on an origin the tenant
 * does not list gets no CORS grant and submits nothing.
 *
 * The fresh projects sit under .examples-run/ in the repository: what they install is only the
 * tarball; openid-client, React, Vite and TypeScript come from the repository's own
 * node_modules, which `npm ci` installed, so no registry is asked.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { buildPagesIfStale } from '../../scripts/build-pages.js';
import { buildLibrary, packLibrary, packageName } from '../../scripts/build-lib.js';
import { chromiumArgs, chromiumPath } from '../support/chromium.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { emptyDir, freshDataDir, removeDir } from './support/data-dir.js';
import { freePort } from './support/postgres.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

const run = promisify(execFile);
const bin = (name: string) => resolve('node_modules/.bin', name);
const ada = { email: 'ada@contoso.example', password: 'correct horse battery staple' };

/** An example copied into a fresh project that depends on the tarball alone, installed offline. */
async function install(example: string, runDir: string, tarball: string): Promise<string> {
  const dir = join(runDir, example);
  cpSync(join('examples', example), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete manifest.devDependencies;
  manifest.dependencies = { [packageName]: `file:${tarball}` };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: dir });
  return dir;
}

/** Starts `node server.js` of the shop example; resolves once it listens. */
function startShop(dir: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['server.js'], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('Example shop on')) done(child);
    });
    child.once('exit', (code) => fail(new Error(`the shop exited with ${code}`)));
  });
}

/** The React app's build, as any static host serves a single-page app. */
async function serveStatic(dir: string, port: number): Promise<Server> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://host').pathname;
    const file = path.startsWith('/assets/') ? join(dir, path) : join(dir, 'index.html');
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': types[extname(file)] ?? '' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return server;
}

async function signIn(page: Page) {
  await page.getByLabel('Email Address', { exact: true }).fill(ada.email);
  await page.getByLabel('Password', { exact: true }).fill(ada.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('embedding: the packed elements on other origins', () => {
  let runDir: string;
  let dataDir: string;
  let tenantsDir: string;
  let server: ServerProcess;
  let browser: TestBrowser;
  let shopDir: string;
  let reactDir: string;
  const children: ChildProcess[] = [];
  let reactServer: Server | undefined;
  const origins = { shop: '', react: '', stranger: '' };

  before(async () => {
    buildPagesIfStale('dist');
    mkdirSync('.examples-run', { recursive: true });
    runDir = resolve(mkdtempSync(join('.examples-run', 'run-')));
    await buildLibrary(join(runDir, 'package'));
    const tarball = await packLibrary(runDir, join(runDir, 'package'));
    const ports = { shop: await freePort(), react: await freePort(), stranger: await freePort() };
    for (const name of ['shop', 'react', 'stranger'] as const) {
      origins[name] = `http://localhost:${ports[name]}`;
    }

    tenantsDir = emptyDir('gatehouse-tenants-');
    mkdirSync(tenantsDir, { recursive: true });
    const contoso = JSON.parse(readFileSync('tenants/contoso.json', 'utf8')) as {
      embeddingOrigins: string[];
      clients: object[];
    };
    contoso.embeddingOrigins = [origins.shop, origins.react];
    contoso.clients.push({
      id: 'example-shop',
      name: 'Example shop',
      type: 'public',
      redirectUris: [
        `${origins.shop}/callback`,
        `${origins.react}/callback`,
        `${origins.stranger}/callback`,
      ],
    });
    writeFileSync(join(tenantsDir, 'contoso.json'), JSON.stringify(contoso));
    writeFileSync(join(tenantsDir, 'fabrikam.json'), readFileSync('tenants/fabrikam.json'));
    dataDir = await freshDataDir();
    server = await startServerProcess({ DATA_DIR: dataDir, TENANTS_DIR: tenantsDir });

    [shopDir, reactDir] = await Promise.all([
      install('plain-html', runDir, tarball),
      install('react', runDir, tarball),
    ]);
    for (const name of ['shop', 'stranger'] as const) {
      children.push(
        await startShop(shopDir, {
          GATEHOUSE_URL: server.url,
          BASE_URL: origins[name],
          PORT: String(ports[name]),
        }),
      );
    }
    await run(bin('vite'), ['build', '--logLevel', 'error'], {
      cwd: reactDir,
      env: { ...process.env, VITE_GATEHOUSE_URL: server.url },
    });
    reactServer = await serveStatic(join(reactDir, 'dist'), ports.react);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    for (const child of children) child.kill();
    reactServer?.close();
    await server?.stop();
    removeDir(dataDir);
    removeDir(tenantsDir);
    removeDir(runDir);
  });

  it('installs a package whose entry, types, React entry and manifest resolve, without server code', async () => {
    const dir = join(shopDir, 'node_modules', packageName);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      exports: Record<string, string | { types: string; default: string }>;
    };
    for (const entry of ['.', './react']) {
      const target = manifest.exports[entry] as { types: string; default: string };
      assert.ok(readFileSync(join(dir, target.types), 'utf8').includes('GateApp'));
      readFileSync(join(dir, target.default));
    }
    const elements = JSON.parse(
      readFileSync(join(dir, manifest.exports['./custom-elements.json'] as string), 'utf8'),
    ) as { modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[] };
    const app = elements.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'gate-app');
    assert.ok(app?.events?.some((event) => event.name === 'gate-signed-in'));
    const { stdout } = await run('find', [
      dir,
      '-path',
      `${dir}/node_modules`,
      '-prune',
      '-o',
      '-print',
    ]);
    assert.doesNotMatch(stdout, /\/server\/|\/mocks\/|mockServiceWorker/);
  });

  it(
    'signs in on the shop’s own page, and its callback exchanges the code',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      await page.goto(origins.shop);
      await signIn(page);
      await page.getByRole('heading', { name: 'Signed in' }).waitFor();
      assert.equal(new URL(page.url()).origin, origins.shop);
      assert.match(await page.locator('main').innerText(), /Welcome, ada@contoso\.example/);
      assert.deepEqual(browser.cspViolations, []);
      await page.close();
    },
  );

  it(
    'lets the page navigate itself, and redeems a ticket only once',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      await page.goto(origins.shop);
      await page.evaluate(() =>
        document.addEventListener('gate-signed-in', (event) => {
          event.preventDefault();
          (window as unknown as { frontDoor: string }).frontDoor = event.detail.url;
        }),
      );
      await signIn(page);
      const frontDoor = (await (
        await page.waitForFunction(() => (window as unknown as { frontDoor?: string }).frontDoor)
      ).jsonValue()) as string;
      assert.equal(new URL(page.url()).origin, origins.shop);
      assert.equal(new URL(frontDoor).origin, server.url);
      await page.goto(frontDoor);
      await page.getByRole('heading', { name: 'Signed in' }).waitFor();
      // The same ticket again: the front door asks on its own sign-in page.
      await page.goto(frontDoor);
      await page.getByLabel('Password', { exact: true }).waitFor();
      assert.equal(new URL(page.url()).origin, server.url);
      await page.close();
    },
  );

  it(
    'keeps the form’s layout, labels and focus ring under the shop’s stylesheet',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      await page.goto(origins.shop);
      const email = page.getByLabel('Email Address', { exact: true });
      await email.waitFor();
      const style = (selector: string, property: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
      // The shop hides labels, strips borders and outlines, lays forms out in a row and paints h1 red.
      assert.notEqual(await style('gate-app label', 'display'), 'none');
      assert.notEqual(await style('gate-app input', 'border-top-width'), '0px');
      assert.equal(await style('gate-app form', 'display'), 'block');
      assert.notEqual(await style('gate-app h1', 'color'), 'rgb(204, 0, 0)');
      assert.notEqual(await style('gate-app button', 'cursor'), 'auto');
      await email.focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await style('gate-app input:focus', 'outline-style'), 'solid');
      // One main landmark: the shop's.
      assert.equal(await page.locator('main').count(), 1);
      assert.equal(await page.locator('gate-app main').count(), 0);
      await page.close();
    },
  );

  it('type-checks the React example with tsc', { timeout: 180_000 }, async () => {
    await run(bin('tsc'), ['-p', join(reactDir, 'tsconfig.json')]);
  });

  it(
    'signs in on the React app, which exchanges the code in the browser',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      await page.goto(origins.react);
      await signIn(page);
      await page.getByRole('heading', { name: 'Signed in' }).waitFor();
      assert.equal(new URL(page.url()).origin, origins.react);
      assert.match(await page.locator('main').innerText(), /Welcome, ada@contoso\.example/);
      await page.close();
    },
  );

  it(
    'gives an origin that is not listed no grant, and it submits nothing',
    { timeout: 60_000 },
    async () => {
      const signIns = () =>
        server.output.filter((line) => line.includes('"method":"POST","route":"/api/v1/')).length;
      const signInsBefore = signIns();
      const page = await browser.context.newPage();
      const refused: string[] = [];
      page.on('requestfailed', (request) => refused.push(request.url()));
      await page.goto(origins.stranger);
      await page.locator('gate-error-page').waitFor();
      assert.equal(await page.getByLabel('Password', { exact: true }).count(), 0);
      assert.ok(refused.includes(`${server.url}/api/v1/tenants/contoso/config`), refused.join());
      assert.equal(signIns(), signInsBefore);
      await page.close();
    },
  );

  it(
    'has no serious or critical axe violations on the host pages',
    { timeout: 60_000 },
    async () => {
      // axe is injected as a script, which the pages' strict CSP would rightly block.
      const axeBrowser = await chromium.launch({
        executablePath: chromiumPath,
        args: chromiumArgs,
      });
      try {
        const context = await axeBrowser.newContext({ bypassCSP: true });
        for (const origin of [origins.shop, origins.react]) {
          const page = await context.newPage();
          await page.goto(origin);
          await page.getByLabel('Password', { exact: true }).waitFor();
          await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
          const violations = await page.evaluate(async () => {
            const { axe } = window as unknown as {
              axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> };
            };
            return (await axe.run()).violations.filter((v) =>
              ['serious', 'critical'].includes(v.impact),
            );
          });
          assert.deepEqual(violations, [], origin);
        }
      } finally {
        await axeBrowser.close();
      }
    },
  );
});
