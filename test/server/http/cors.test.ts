/**
 * Cross-origin use of the API and the theme packs (docs/security.md#rule-33, docs/embedding.md):
 * only a tenant's embedding origins get a grant, with credentials on the API and `Vary: Origin`
 * everywhere; other origins get none, and their writes are refused. An embedded sign-in for one
 * of the tenant's apps is answered with a ticket instead of a session cookie.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/in-process.js';
import { freshDataDir, removeDir } from '../support/data-dir.js';

const listed = 'https://shop.fabrikam.example';
const other = 'https://evil.example';
const alan = { identifier: 'alan@fabrikam.example', password: 'turing machines halt' };

describe('server: CORS for embedding origins', () => {
  let dataDir: string;
  let server: TestServer;
  const api = (path: string) => `${server.url}/api/v1/tenants/fabrikam${path}`;
  const preflight = (origin: string, url: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
  const signIn = (origin: string, body: object) =>
    fetch(api('/sign-in'), {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify(body),
    });

  before(async () => {
    dataDir = await freshDataDir();
    server = await startTestServer({ dataDir });
  });

  after(async () => {
    await server?.close();
    removeDir(dataDir);
  });

  it('answers a listed origin’s preflight with a grant for it, with credentials', async () => {
    const response = await preflight(listed, api('/sign-in'));
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), listed);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(response.headers.get('access-control-allow-methods'), 'GET, POST');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /content-type/);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('refuses another origin’s preflight, and another tenant’s origin, with no grant', async () => {
    for (const [origin, url] of [
      [other, api('/sign-in')],
      [listed, `${server.url}/api/v1/tenants/contoso/sign-in`],
    ] as const) {
      const response = await preflight(origin, url);
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
      assert.match(response.headers.get('vary') ?? '', /Origin/);
    }
  });

  it('grants a listed origin its answers and names no origin for others', async () => {
    const granted = await fetch(api('/config'), { headers: { origin: listed } });
    assert.equal(granted.status, 200);
    assert.equal(granted.headers.get('access-control-allow-origin'), listed);
    const refused = await fetch(api('/config'), { headers: { origin: other } });
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    assert.match(refused.headers.get('vary') ?? '', /Origin/);
  });

  it('refuses a sign-in posted from an origin that is not listed', async () => {
    const response = await signIn(other, alan);
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), { error: 'forbidden' });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('gives an embedded sign-in for an app a ticket and no session cookie', async () => {
    const response = await signIn(listed, { ...alan, clientId: 'example-web-app' });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string; ticket: string };
    assert.equal(body.status, 'signed-in');
    assert.match(body.ticket, /^[\w-]{43}$/);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal(response.headers.get('access-control-allow-origin'), listed);
  });

  it('refuses a sign-in for an app the tenant does not have', async () => {
    const response = await signIn(listed, { ...alan, clientId: 'not-an-app' });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'invalid_request' });
  });

  it('grants the theme packs to any tenant’s embedding origin, without credentials', async () => {
    const granted = await fetch(`${server.url}/themes/fabrikam.json`, {
      headers: { origin: listed },
    });
    assert.equal(granted.status, 200);
    assert.equal(granted.headers.get('access-control-allow-origin'), listed);
    assert.equal(granted.headers.get('access-control-allow-credentials'), null);
    const refused = await fetch(`${server.url}/themes/fabrikam.json`, {
      headers: { origin: other },
    });
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });
});
