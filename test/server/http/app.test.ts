/**
 * The HTTP surface as a client meets it (docs/security.md, rules 18, 23, 24): pages with their CSP
 * and headers, strict JSON bodies within 16 KiB, and timeouts that keep slow or idle clients from
 * holding the server.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildPagesIfStale } from '../../../scripts/build-pages.js';
import { sha256Source } from '../../../src/server/http/first-page.js';
import { startTestServer, type TestServer } from '../support/in-process.js';
import { freshDataDir, removeDir } from '../support/data-dir.js';
import { apiOf } from '../support/http.js';

const flowId = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function bootDataOf(page: string): { config: unknown; theme: unknown } | undefined {
  const json = /<script type="application\/json" id="gate-boot">(.*?)<\/script>/s.exec(page)?.[1];
  return json === undefined ? undefined : JSON.parse(json);
}

describe('server: HTTP', () => {
  let dataDir: string;
  let server: TestServer;
  let api: ReturnType<typeof apiOf>;

  before(async () => {
    dataDir = await freshDataDir();
    server = await startTestServer({ dataDir });
    api = apiOf(server.url);
  });

  after(async () => {
    await server?.close();
    removeDir(dataDir);
  });

  describe('pages', () => {
    it('serves a hosted URL with the strict CSP and the security headers', async () => {
      const response = await fetch(
        `${server.url}/contoso/B2C_1_passwordreset/reset-code?ui_locales=nl`,
      );
      assert.equal(response.status, 200);
      assert.equal(
        response.headers.get('content-security-policy'),
        // Forms lead here, or on to the tenant's return addresses (a redirect after a post).
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self' http://localhost:3000 https://contoso.example; frame-ancestors 'none'",
      );
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('strict-transport-security'), null);
      assert.match(
        await response.text(),
        /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/,
      );
    });

    it('renders the sign-in form into the page, in the language asked for, styles allowed by hash', async () => {
      const response = await fetch(`${server.url}/contoso/B2C_1_signin`, {
        headers: { 'Accept-Language': 'sv-SE, en;q=0.5' },
      });
      const page = await response.text();
      assert.equal(response.headers.get('vary'), 'Accept-Language, Cookie');
      assert.match(page, /<html lang="sv">/);
      assert.match(page, /<label for="password">Lösenord<\/label>/);
      assert.match(page, /autocomplete="current-password"/);
      // A plain form until the script takes over: it posts to the page, never into the URL.
      assert.match(page, /<form method="post" novalidate/);
      assert.match(page, /<button\s+type="submit"\s+class="gate-button gate-button-primary"/);
      assert.doesNotMatch(page, /<gate-sign-in-page|<gate-password-toggle|lit-part/);
      // The logo's place is held at its size; it and the pack's background load with the app.
      assert.match(page, /<gate-theme-banner[^>]*width="200" height="48" placeholder>/);
      assert.doesNotMatch(page, /<img|background\.svg"\)/);
      const csp = response.headers.get('content-security-policy') ?? '';
      const styles = [...page.matchAll(/<style>([^<]*)<\/style>/g)].map((match) => match[1]!);
      assert.ok(styles.length >= 2);
      for (const style of styles)
        assert.ok(csp.includes(sha256Source(style)), 'a style without its hash');
      assert.match(
        csp,
        /^default-src 'none'; script-src 'self'; style-src 'self'( 'sha256-[\w+/=]+')+; img-src/,
      );
    });

    it("renders the form in the language the user picked before (its cookie) over the browser's", async () => {
      const response = await fetch(`${server.url}/contoso/B2C_1_signin`, {
        headers: { 'Accept-Language': 'sv', Cookie: 'gatehouse_locale=nl' },
      });
      const page = await response.text();
      assert.match(page, /<html lang="nl">/);
      assert.match(page, /<label for="password">Wachtwoord<\/label>/);
      assert.equal(response.headers.get('vary'), 'Accept-Language, Cookie');
      // `ui_locales` still comes first, as in the browser.
      const asked = await (
        await fetch(`${server.url}/contoso/B2C_1_signin?ui_locales=sv`, {
          headers: { Cookie: 'gatehouse_locale=nl' },
        })
      ).text();
      assert.match(asked, /<html lang="sv">/);
    });

    it("names the rendered page in its <title> in the page's language, as the app will", async () => {
      for (const [tenant, language, title] of [
        ['contoso', 'nl', 'Inloggen bij Contoso – Contoso'],
        ['contoso', 'sv', 'Logga in på Contoso – Contoso'],
        ['contoso', 'en', 'Sign in to Contoso – Contoso'],
        ['fabrikam', 'nl', 'Inloggen – Fabrikam'],
        ['fabrikam', 'sv', 'Logga in – Fabrikam'],
      ] as const) {
        const page = await (
          await fetch(`${server.url}/${tenant}/B2C_1_signin`, {
            headers: { 'Accept-Language': language },
          })
        ).text();
        assert.equal(page.match(/<title>/g)?.length, 1, `${tenant} ${language}`);
        assert.match(page, new RegExp(`<title>${title}</title>`), `${tenant} ${language}`);
      }
    });

    it('puts a login hint into the rendered form as text, whatever it holds', async () => {
      const hint = `a$'b$&c$\`"<x>@example.com`;
      const response = await fetch(
        `${server.url}/contoso/B2C_1_signin?login_hint=${encodeURIComponent(hint)}`,
      );
      const page = await response.text();
      assert.ok(
        page.includes(`value="a$&#39;b$&amp;c$\`&quot;&lt;x&gt;@example.com"`),
        "the hint, escaped, as the field's value",
      );
      assert.equal(page.match(/<\/head>/g)?.length, 1);
      assert.equal(page.match(/<body>/g)?.length, 1);
    });

    it('renders every first step, the reset link and a refused return address as well', async () => {
      for (const [path, marker] of [
        ['/contoso/B2C_1_signin/reset-email', 'name="email"'],
        ['/contoso/B2C_1_passwordreset', 'name="email"'],
        ['/contoso/B2C_1_signin?redirect_uri=https%3A%2F%2Fevil.example%2F', '<h1'],
      ] as const) {
        const response = await fetch(`${server.url}${path}`);
        const page = await response.text();
        assert.ok(page.includes(marker), path);
        assert.doesNotMatch(page, /<body><\/body>/, path);
        assert.match(
          response.headers.get('content-security-policy') ?? '',
          /style-src 'self' 'sha256-/,
          path,
        );
      }
    });

    it("lets only the tenant's embedding origins frame its pages", async () => {
      const response = await fetch(`${server.url}/fabrikam/B2C_1_signin`);
      assert.match(
        response.headers.get('content-security-policy') ?? '',
        /frame-ancestors https:\/\/shop\.fabrikam\.example$/,
      );
    });

    it('answers 404 with the page (and its error view) for URLs that name nothing', async () => {
      for (const path of [
        '/nobody/B2C_1_signin',
        '/contoso/NoSuchPolicy',
        '/contoso/B2C_1_signin/nowhere',
        '/a/b/c/d',
      ]) {
        const response = await fetch(`${server.url}${path}`);
        assert.equal(response.status, 404, path);
        assert.match(
          response.headers.get('content-security-policy') ?? '',
          /frame-ancestors 'none'/,
        );
      }
    });

    it('has no inline script in the built index.html', () => {
      const html = readFileSync('dist/index.html', 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.ok(scripts.length > 0);
      for (const [, attributes, body] of scripts) {
        assert.match(attributes!, /\ssrc="/);
        assert.equal(body!.trim(), '');
      }
      assert.doesNotMatch(html, /\son[a-z]+=/i);
    });

    it('serves hashed assets for a year and nothing outside dist/', async () => {
      const html = await (await fetch(`${server.url}/contoso/B2C_1_signin`)).text();
      const script = /src="(\/assets\/[^"]+)"/.exec(html)![1]!;
      const asset = await fetch(`${server.url}${script}`);
      assert.equal(asset.status, 200);
      assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      await asset.arrayBuffer();
      for (const path of [
        '/assets/..%2f..%2fpackage.json',
        '/assets/%2e%2e/%2e%2e/package.json',
        '/themes/../package.json',
      ]) {
        const response = await fetch(`${server.url}${path}`);
        assert.doesNotMatch(await response.text(), /"name": "gatehouse"/, path);
      }
    });

    it('serves the precompressed copy a browser accepts', async () => {
      const html = await (await fetch(`${server.url}/contoso/B2C_1_signin`)).text();
      const tag = /src="(\/assets\/[^"]+)"/.exec(html)![1]!;
      // The page's script tag starts the app when the page is idle: the app is the big file.
      const starter = await (await fetch(`${server.url}${tag}`)).text();
      const script = `/assets/${/"\.\/(main-[\w-]+\.js)"/.exec(starter)![1]!}`;
      for (const [accept, encoding] of [
        ['br, gzip', 'br'],
        ['gzip', 'gzip'],
        ['identity', null],
      ] as const) {
        // node's fetch decodes br and gzip itself; the header says what travelled.
        const asset = await fetch(`${server.url}${script}`, {
          headers: { 'accept-encoding': accept },
        });
        assert.equal(asset.headers.get('content-encoding'), encoding, accept);
        assert.match(asset.headers.get('vary') ?? '', /Accept-Encoding/);
        assert.match(await asset.text(), /customElements|lit/);
      }
    });

    it("carries the tenant's settings and theme pack, as the API and /themes answer them", async () => {
      const page = await (await fetch(`${server.url}/contoso/B2C_1_signin`)).text();
      const boot = bootDataOf(page);
      assert.ok(boot, 'no boot data in the page');
      assert.deepEqual(boot.config, (await api.get('/config')).body);
      assert.deepEqual(boot.theme, await (await fetch(`${server.url}/themes/contoso.json`)).json());
      // Data, not script: the strict CSP stays as it is, and nothing else is inline.
      const scripts = [...page.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes);
      assert.deepEqual(
        scripts.filter((attributes) => !/\ssrc="/.test(attributes!)),
        [' type="application/json" id="gate-boot"'],
      );
    });

    it('gives a page that names no tenant no boot data', async () => {
      const page = await (await fetch(`${server.url}/nobody/B2C_1_signin`)).text();
      assert.equal(bootDataOf(page), undefined);
    });

    it('serves theme packs for the pages', async () => {
      const response = await fetch(`${server.url}/themes/contoso.json`);
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { id: string }).id, 'contoso');
    });
  });

  describe('request bodies', () => {
    const invalid = { error: 'invalid_request' };

    // Before the 413 tests: the connections they leave half-closed can fail a later request.
    it('refuses a NUL or a lone surrogate in any string field (400), before the database sees it', async () => {
      for (const bad of ['\u0000', '\ud800', '\udfff']) {
        const cases: [string, unknown][] = [
          ['/sign-in', { identifier: `ada${bad}@contoso.example`, password: 'correct horse' }],
          ['/sign-in', { identifier: 'ada@contoso.example', password: `correct${bad}horse` }],
          ['/password-reset', { email: `ada${bad}@contoso.example` }],
          [`/password-reset/${flowId}/password`, { password: `correct horse${bad}` }],
          [`/password-reset/${flowId}/verify`, { code: `12345${bad}` }],
        ];
        for (const [path, body] of cases) {
          // JSON.stringify writes a lone surrogate as an escape, as a hostile client would.
          const answer = await api.post(path, JSON.stringify(body));
          assert.deepEqual(
            [answer.status, answer.body],
            [400, invalid],
            `${path} ${JSON.stringify(body)}`,
          );
        }
      }
      // The same NUL in a path is refused like any other string that cannot be a flow id.
      const nulFlow = await api.post(`/password-reset/${encodeURIComponent('\u0000')}/verify`, {
        code: '123456',
      });
      assert.deepEqual([nulFlow.status, nulFlow.body], [400, invalid]);
      assert.doesNotMatch(server.logText(), /database_unavailable|request_failed/);
    });

    it('accepts application/json only (415)', async () => {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/jsonp',
        '',
      ]) {
        const response = await fetch(api.url('/password-reset'), {
          method: 'POST',
          headers: type ? { 'content-type': type } : {},
          body: '{"email":"ada@contoso.example"}',
        });
        assert.equal(response.status, 415, type);
        assert.deepEqual(await response.json(), { error: 'unsupported_media_type' });
      }
      const withCharset = await api.post('/password-reset', '{"email":"ada@contoso.example"}', {
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      assert.equal(withCharset.status, 202);
    });

    it('refuses bodies over 16 KiB (413), however they arrive, and says it closes the connection', async () => {
      // The unread rest of the body makes node close the socket after the answer: a 413 that said
      // keep-alive had clients send their next request on a socket about to close.
      const closes = (answer: { headers: Headers }) =>
        assert.equal(answer.headers.get('connection'), 'close');
      const padded = JSON.stringify({ email: 'ada@contoso.example', pad: 'x'.repeat(16 * 1024) });
      const refused = await api.post('/password-reset', padded);
      assert.deepEqual(refused.body, { error: 'payload_too_large' });
      closes(refused);
      const started = performance.now();
      const huge = await api.post('/sign-in', {
        identifier: 'ada@contoso.example',
        password: 'x'.repeat(10 * 1024 * 1024),
      });
      assert.equal(huge.status, 413);
      closes(huge);
      assert.ok(performance.now() - started < 5_000);
      // Chunked, with no Content-Length to go by.
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let index = 0; index < 40; index += 1)
            controller.enqueue(new Uint8Array(1024).fill(32));
          controller.close();
        },
      });
      const streamed = await fetch(api.url('/password-reset'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      assert.equal(streamed.status, 413);
      closes(streamed);
    });

    it('answers malformed JSON with one generic 400', async () => {
      for (const body of [
        '{',
        '{"email":',
        'null',
        '[]',
        '"ada@contoso.example"',
        '\u0000',
        '{"email":"a@b"}}',
      ]) {
        const answer = await api.post('/password-reset', body);
        assert.deepEqual([answer.status, answer.body], [400, invalid], body);
      }
      const deep = `${'['.repeat(8_000)}${']'.repeat(8_000)}`;
      assert.deepEqual((await api.post('/password-reset', deep)).body, invalid);
      const tooDeep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
      assert.equal((await api.post('/password-reset', tooDeep)).status, 413);
    });

    it('refuses unknown keys, __proto__ included, and wrong types', async () => {
      const cases: [string, unknown][] = [
        ['/password-reset', { email: 'ada@contoso.example', admin: true }],
        [
          '/password-reset',
          JSON.parse('{"email":"ada@contoso.example","__proto__":{"admin":true}}'),
        ],
        ['/password-reset', { email: 'ada@contoso.example\r\nBcc: eve@example.com' }],
        ['/password-reset', { email: `${'a'.repeat(250)}@contoso.example` }],
        ['/password-reset', { email: ['ada@contoso.example'] }],
        ['/sign-in', { identifier: 'ada@contoso.example' }],
        ['/sign-in', { identifier: 'ada@contoso.example', password: 12345678 }],
        [`/password-reset/${flowId}/verify`, { code: '１２３４５６' }],
        [`/password-reset/${flowId}/verify`, { code: 123456 }],
        [`/password-reset/${flowId}/verify`, { code: ['123456'] }],
        [`/password-reset/${flowId}/verify`, { code: { value: '123456' } }],
        [`/password-reset/${flowId}/verify`, { code: '12345' }],
        [`/password-reset/${flowId}/resend`, { again: true }],
      ];
      for (const [path, body] of cases) {
        const answer = await api.post(path, JSON.stringify(body));
        assert.deepEqual(
          [answer.status, answer.body],
          [400, invalid],
          JSON.stringify(body).slice(0, 80),
        );
      }
      assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'admin'), false);
    });

    it('reads duplicate keys as JSON does: the last one wins', async () => {
      const answer = await api.post(
        '/password-reset',
        '{"email":"not an address","email":"ada@contoso.example"}',
      );
      assert.equal(answer.status, 202);
    });

    it('names unknown tenants and flows', async () => {
      const nobody = await apiOf(server.url, 'nobody').post('/password-reset', {
        email: 'ada@contoso.example',
      });
      assert.deepEqual([nobody.status, nobody.body], [404, { error: 'tenant_not_found' }]);
      const unknown = await api.post(`/password-reset/${flowId}/verify`, { code: '123456' });
      assert.deepEqual([unknown.status, unknown.body], [404, { error: 'flow_not_found' }]);
      assert.equal((await api.get(`/password-reset/${flowId}`)).status, 404);
    });

    it('refuses a path parameter that cannot be a flow id before looking it up', async () => {
      for (const id of ['x', '%', '.', 'a'.repeat(300), `${flowId}'--`, `${flowId}\u0000`]) {
        const answer = await api.post(`/password-reset/${encodeURIComponent(id)}/verify`, {
          code: '123456',
        });
        assert.deepEqual([answer.status, answer.body], [400, { error: 'invalid_request' }], id);
      }
      const status = await api.get('/password-reset/short');
      assert.deepEqual([status.status, status.body], [400, { error: 'invalid_request' }]);
    });

    it('answers health and readiness for a load balancer, unlogged and uncached', async () => {
      for (const [path, body] of [
        ['/healthz', { status: 'serving' }],
        ['/readyz', { status: 'ready' }],
      ] as const) {
        const answer = await fetch(`${server.url}${path}`);
        assert.deepEqual([answer.status, await answer.json()], [200, body]);
        assert.equal(answer.headers.get('cache-control'), 'no-store');
        assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
      }
      assert.equal(
        server.logs.some((line) => line.event === 'request' && /z$/.test(String(line.route))),
        false,
      );
    });

    it('answers unknown API routes with 404 and other methods with 405 and Allow, as JSON', async () => {
      for (const path of [
        '/api/v1/tenants/contoso/nothing-here',
        '/api/v1/nothing',
        '/api/v2/tenants/contoso/config',
      ]) {
        const answer = await fetch(`${server.url}${path}`);
        assert.equal(answer.status, 404, path);
        assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
        assert.deepEqual(await answer.json(), { error: 'not_found' });
      }
      for (const [method, path, allow] of [
        ['DELETE', '/sign-in', 'POST'],
        ['GET', '/password-reset', 'POST'],
        ['PUT', '/config', 'GET, HEAD'],
        ['POST', `/password-reset/${flowId}`, 'GET, HEAD'],
      ] as const) {
        const answer = await fetch(api.url(path), { method });
        assert.equal(answer.status, 405, `${method} ${path}`);
        assert.equal(answer.headers.get('allow'), allow);
        assert.deepEqual(await answer.json(), { error: 'method_not_allowed' });
      }
    });
  });

  describe('requests from other sites', () => {
    const forbidden = { error: 'forbidden' };
    const reset = (headers: Record<string, string>, tenant = 'contoso') =>
      apiOf(server.url, tenant).post(
        '/password-reset',
        { email: 'ada@contoso.example' },
        { headers },
      );

    it('refuses a state-changing request that another site sent (403 forbidden)', async () => {
      const otherSites: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        { origin: 'null' },
        { origin: 'null', 'sec-fetch-site': 'cross-site' },
        // Another port of the same host is another origin.
        { origin: new URL(server.url).origin.replace(/:\d+$/, ':1') },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of otherSites) {
        const answer = await reset(headers);
        assert.deepEqual([answer.status, answer.body], [403, forbidden], JSON.stringify(headers));
      }
      const signIn = await api.post(
        '/sign-in',
        { identifier: 'ada@contoso.example', password: 'correct horse battery staple' },
        { headers: { origin: 'https://evil.example' } },
      );
      assert.deepEqual([signIn.status, signIn.body], [403, forbidden]);
      assert.equal(signIn.headers.get('set-cookie'), null);
    });

    it('serves its own pages and clients that send no Origin, as before', async () => {
      const own = new URL(server.url).origin;
      const ownSite: Record<string, string>[] = [
        {},
        { origin: own },
        { origin: own, 'sec-fetch-site': 'same-origin' },
        { 'sec-fetch-site': 'same-origin' },
        { 'sec-fetch-site': 'none' },
        // A form posted from the hosted page itself: its no-referrer policy nulls the Origin.
        { origin: 'null', 'sec-fetch-site': 'same-origin' },
      ];
      for (const headers of ownSite) {
        assert.equal((await reset(headers)).status, 202, JSON.stringify(headers));
      }
      // Reading changes nothing: the settings answer any site.
      assert.equal(
        (await api.get('/config', { headers: { origin: 'https://evil.example' } })).status,
        200,
      );
    });

    it("lets a tenant's embedding origins in, and only that tenant's", async () => {
      const shop = { origin: 'https://shop.fabrikam.example', 'sec-fetch-site': 'cross-site' };
      assert.equal((await reset(shop, 'fabrikam')).status, 202);
      assert.equal((await reset(shop, 'contoso')).status, 403);
      assert.equal((await reset({ origin: 'https://evil.example' }, 'fabrikam')).status, 403);
    });
  });

  describe('timeouts', () => {
    const open = () =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () =>
          resolve(socket),
        );
        socket.once('error', reject);
      });
    const closed = (socket: Socket) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        socket.resume();
        socket.once('close', () => resolve(performance.now() - started));
      });

    it('drops a client that sends its headers too slowly (10 s)', async () => {
      const socket = await open();
      socket.write('POST /api/v1/tenants/contoso/sign-in HTTP/1.1\r\nHost: x\r\n');
      const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 1_000);
      try {
        const after = await closed(socket);
        assert.ok(after > 8_000 && after < 14_000, `closed after ${after.toFixed(0)} ms`);
      } finally {
        clearInterval(drip);
        socket.destroy();
      }
    });

    it('keeps serving with 500 idle sockets open, and closes them', async () => {
      const sockets: Socket[] = [];
      try {
        for (let index = 0; index < 500; index += 1) sockets.push(await open());
        const closing = Promise.all(sockets.map(closed));
        const started = performance.now();
        const answer = await api.get('/config');
        assert.equal(answer.status, 200);
        assert.ok(performance.now() - started < 2_000);
        const times = await Promise.race([
          closing,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('idle sockets stayed open')), 20_000),
          ),
        ]);
        assert.ok(Math.max(...times) < 20_000);
      } finally {
        for (const socket of sockets) socket.destroy();
      }
    });
  });
});

describe('server: HTTP behind HTTPS, with no trusted proxy', () => {
  let dataDir: string;
  let server: TestServer;

  before(async () => {
    dataDir = await freshDataDir();
    server = await startTestServer({
      dataDir,
      publicUrl: 'https://id.contoso.example',
      trustedProxies: [],
      limits: { failuresPerIpPerHour: 3 },
    });
  });

  after(async () => {
    await server?.close();
    removeDir(dataDir);
  });

  it('adds HSTS and names the session cookie __Host-', async () => {
    const page = await fetch(`${server.url}/contoso/B2C_1_signin`);
    assert.equal(
      page.headers.get('strict-transport-security'),
      'max-age=31536000; includeSubDomains',
    );
    const signedIn = await apiOf(server.url).post('/sign-in', {
      identifier: 'ada@contoso.example',
      password: 'correct horse battery staple',
    });
    assert.match(
      signedIn.headers.get('set-cookie') ?? '',
      /^__Host-gatehouse_session=[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Lax$/,
    );
  });

  it('takes its public address for its own origin', async () => {
    const api = apiOf(server.url);
    const start = (origin: string) =>
      api.post('/password-reset', { email: 'ada@contoso.example' }, { headers: { origin } });
    assert.equal((await start('https://id.contoso.example')).status, 202);
    assert.equal((await start('http://id.contoso.example')).status, 403);
  });

  it('ignores X-Forwarded-For from a peer that is not a configured proxy', async () => {
    const api = apiOf(server.url);
    const started = await api.post('/password-reset', { email: 'nobody@contoso.example' });
    const flowId = started.body.flowId as string;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const ip = `198.18.0.${attempt}`;
      assert.equal(
        (await api.post(`/password-reset/${flowId}/verify`, { code: '123456' }, { ip })).status,
        422,
      );
    }
    const spoofed = await api.post(
      `/password-reset/${flowId}/verify`,
      { code: '123456' },
      { ip: '198.18.0.99' },
    );
    assert.equal(spoofed.status, 429);
  });
});

describe('server: HTTP, hidden files among the built ones', () => {
  let dataDir: string;
  let distDir: string;
  let server: TestServer;

  before(async () => {
    dataDir = await freshDataDir();
    // A copy of the build with what a careless deploy leaves lying about.
    buildPagesIfStale('dist');
    distDir = mkdtempSync(join(tmpdir(), 'gatehouse-dist-'));
    cpSync('dist', distDir, { recursive: true });
    for (const file of ['assets/.env', 'assets/.git/config', 'themes/.secret.json']) {
      mkdirSync(dirname(join(distDir, file)), { recursive: true });
      writeFileSync(join(distDir, file), 'SECRET=hunter2\n');
    }
    server = await startTestServer({ dataDir, distDir });
  });

  after(async () => {
    await server?.close();
    removeDir(dataDir);
    removeDir(distDir);
  });

  it('serves no file or folder whose name starts with a dot (404)', async () => {
    for (const path of [
      '/assets/.env',
      '/assets/.git/config',
      '/themes/.secret.json',
      '/assets/%2eenv',
      '/assets/.env?x=1',
    ]) {
      const response = await fetch(`${server.url}${path}`, {
        headers: { 'accept-encoding': 'identity' },
      });
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /hunter2/, path);
    }
    // The files beside them are still served.
    assert.equal((await fetch(`${server.url}/themes/contoso.json`)).status, 200);
  });
});
