/**
 * The front door across instances and restarts, on a real PostgreSQL: two servers behind one
 * public address share interactions, codes and keys; a restart keeps an interaction; a rotated
 * key stays published, so that tokens it signed still verify.
 */
import assert from 'node:assert/strict';
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { buildPagesIfStale } from '../../scripts/build-pages.js';
import { adminCli } from './support/admin-cli.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { emptyDir, removeDir } from './support/data-dir.js';
import { freePort, startPostgres, type TestPostgres } from './support/postgres.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { within } from './support/within.js';
import {
  authorizeUrl,
  discover,
  exchange,
  startCallback,
  type Callback,
} from './support/relying-party.js';

const ada = { email: 'ada@contoso.example', password: 'correct horse battery staple' };

interface Jwks {
  keys: (JsonWebKey & { kid: string })[];
}

/** Checks a JWT's RS256 signature against a published key set, as a relying party's library would. */
function verifiedBy(jwt: string, jwks: Jwks): string | undefined {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
  const key = jwks.keys.find((candidate) => candidate.kid === kid);
  if (!key) return undefined;
  const ok = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey({ key, format: 'jwk' }),
    Buffer.from(signature, 'base64url'),
  );
  return ok ? kid : undefined;
}

async function signIn(page: Page) {
  await page.locator('gate-sign-in-page').waitFor();
  await page.getByLabel('Email Address', { exact: true }).fill(ada.email);
  await page.getByLabel('Password', { exact: true }).fill(ada.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('OpenID Connect front door on two instances and one PostgreSQL', () => {
  let postgres: TestPostgres;
  let tenantsDir: string;
  let callback: Callback;
  let browser: TestBrowser;
  let a: ServerProcess;
  let b: ServerProcess;
  let env: Record<string, string>;
  let portA: number;

  before(async () => {
    buildPagesIfStale('dist');
    postgres = await startPostgres();
    callback = await startCallback();
    tenantsDir = emptyDir('gatehouse-tenants-');
    mkdirSync(tenantsDir, { recursive: true });
    const contoso = JSON.parse(readFileSync('tenants/contoso.json', 'utf8')) as Record<
      string,
      unknown
    >;
    contoso.clients = [
      { id: 'test-spa', name: 'Test app', type: 'public', redirectUris: [callback.redirectUri] },
    ];
    writeFileSync(join(tenantsDir, 'contoso.json'), JSON.stringify(contoso));
    portA = await freePort();
    // Behind one load balancer both answer for one public address: A's, in this test.
    env = {
      DATABASE_URL: postgres.url,
      TENANTS_DIR: tenantsDir,
      PUBLIC_URL: `http://127.0.0.1:${portA}`,
      SIGNING_KEY_REFRESH_SECONDS: '1',
      DATA_DIR: emptyDir('gatehouse-data-'),
    };
    a = await startServerProcess({ ...env, PORT: String(portA) });
    b = await startServerProcess(env);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await a?.stop();
    await b?.stop();
    await callback?.close();
    await postgres?.destroy();
    removeDir(tenantsDir);
    if (env) removeDir(env.DATA_DIR!);
  });

  const keysOf = async (server: ServerProcess): Promise<Jwks> => {
    const url = `${server.url}/contoso/B2C_1_signin/discovery/v2.0/keys`;
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return (await response.json()) as Jwks;
  };

  /** What both servers logged, for a failure that happened inside them. */
  const withServerLogs = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const tail = (server: ServerProcess) => server.output.slice(-40).join('\n');
      (error as Error).message += `\n--- server A ---\n${tail(a)}\n--- server B ---\n${tail(b)}`;
      throw error;
    }
  };

  let firstIdToken = '';

  it(
    'authorizes on one instance and redeems the code on the other, with the same keys',
    { timeout: 60_000 },
    async () => {
      assert.deepEqual(await keysOf(a), await keysOf(b));
      const viaB = await discover(a.url, 'contoso', 'B2C_1_signin', 'test-spa', undefined, {
        fetchVia: b.url,
      });
      const request = await authorizeUrl(viaB, callback.redirectUri);
      const page = await browser.context.newPage();
      await page.goto(request.url.href);
      await signIn(page);
      const arrival = await callback.next(1);
      const tokens = await exchange(viaB, arrival, request);
      assert.equal(tokens.claims()!.email, ada.email);
      firstIdToken = tokens.id_token!;
      await page.close();
    },
  );

  it(
    'keeps an interaction across a restart between authorize and sign-in',
    { timeout: 90_000 },
    async () => {
      const config = await discover(a.url, 'contoso', 'B2C_1_signin', 'test-spa');
      const request = await authorizeUrl(config, callback.redirectUri, { prompt: 'login' });
      const page = await browser.context.newPage();
      await page.goto(request.url.href);
      await page.locator('gate-sign-in-page').waitFor();
      await a.stop();
      a = await startServerProcess({ ...env, PORT: String(portA) });
      await signIn(page);
      const arrival = await callback.next(2);
      assert.equal((await exchange(config, arrival, request)).claims()!.email, ada.email);
      await page.close();
    },
  );

  it(
    'publishes a rotated key for the grace period, so that what it signed still verifies',
    { timeout: 180_000 },
    () => {
      // Every wait is bounded and named, and the whole test has a deadline of its own under the
      // runner's: a hang says where it stopped, with both servers' last log lines.
      let step = 'starting';
      const named = <T>(ms: number, what: string, work: Promise<T>) => {
        step = what;
        return within(ms, what, work);
      };
      const body = async () => {
        const before = await named(15_000, 'the keys before', keysOf(a));
        const oldKid = verifiedBy(firstIdToken, before);
        assert.ok(oldKid);
        await named(60_000, 'admin keys rotate', adminCli(['keys', 'rotate'], env));
        const { stdout } = await named(60_000, 'admin keys list', adminCli(['keys', 'list'], env));
        assert.match(stdout, new RegExp(`${oldKid}.*published until`));
        // Each instance looks for a rotation every second here.
        step = 'waiting for both keys on B';
        const until = Date.now() + 15_000;
        let keys = before;
        while (keys.keys.length < 2 && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          keys = await keysOf(b);
        }
        assert.equal(keys.keys.length, 2);
        assert.equal(verifiedBy(firstIdToken, keys), oldKid, 'the old token still verifies');
        assert.deepEqual(await named(15_000, 'the keys on A', keysOf(a)), keys);

        const config = await named(
          20_000,
          'discovery',
          discover(a.url, 'contoso', 'B2C_1_signin', 'test-spa'),
        );
        const request = await authorizeUrl(config, callback.redirectUri, { prompt: 'login' });
        // A browser of its own: nothing of the earlier tests' pages is left to wait for.
        const own = await named(30_000, 'a browser', launchBrowser());
        try {
          const page = await named(20_000, 'a new page', own.context.newPage());
          await named(40_000, 'the authorize request', page.goto(request.url.href));
          await named(40_000, 'the sign-in', signIn(page));
          const arrival = await named(25_000, 'the return to the app', callback.next(3));
          const tokens = await named(
            30_000,
            'the code exchange',
            exchange(config, arrival, request),
          );
          const newKid = verifiedBy(tokens.id_token!, keys);
          assert.ok(newKid);
          assert.notEqual(newKid, oldKid, 'new tokens are signed with the new key');
        } finally {
          await within(15_000, 'closing the browser', own.close()).catch(() => undefined);
        }
      };
      return withServerLogs(() =>
        within(160_000, 'the whole test', body()).catch((error: unknown) => {
          (error as Error).message += ` (at: ${step})`;
          throw error;
        }),
      );
    },
  );
});
