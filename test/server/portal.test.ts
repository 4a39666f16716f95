/**
 * The password portal at `/{tenant}` as people meet it: its links follow the tenant's switches, it
 * speaks the visitor's language, shows the organisation's help as text, knows who is signed in and
 * signs them out with a plain form.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addUser, startTestServer, type TestServer } from './support/in-process.js';
import { emptyDir, freshDataDir, removeDir } from './support/data-dir.js';
import { words, type Locale } from './support/words.js';

const ada = { email: 'portal-ada@contoso.example', password: 'a long portal passphrase' };

/** The shipped tenants, and one that offers only sign-in and writes markup in its help text. */
function writeTenants(dir: string) {
  for (const id of ['contoso', 'fabrikam']) {
    writeFileSync(join(dir, `${id}.json`), readFileSync(`tenants/${id}.json`));
  }
  const contoso = JSON.parse(readFileSync('tenants/contoso.json', 'utf8')) as Record<
    string,
    unknown
  >;
  const northwind = {
    ...contoso,
    id: 'northwind',
    displayName: 'Northwind',
    selfServiceReset: { enabled: 'none' },
    portal: { help: { en: '<b>Call</b> <script>window.__gateXss=1</script> the desk' } },
    policies: [{ id: 'B2C_1_signin', kind: 'sign-in', resetLink: true }],
    clients: [],
  };
  writeFileSync(join(dir, 'northwind.json'), JSON.stringify(northwind));
  // A username tenant that requires a verified recovery email.
  const wingtip = JSON.parse(readFileSync('tenants/northwind.json', 'utf8')) as object;
  writeFileSync(join(dir, 'wingtip.json'), JSON.stringify({ ...wingtip, id: 'wingtip' }));
}

/** Text as the server writes it into HTML. */
const asHtmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');

const linksOf = (html: string) =>
  [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map(([, href, text]) => [
    href,
    text.trim(),
  ]);

describe('the password portal', () => {
  let dataDir: string;
  let tenantsDir: string;
  let server: TestServer;

  before(async () => {
    dataDir = await freshDataDir();
    tenantsDir = emptyDir('gatehouse-portal-tenants-');
    writeTenants(tenantsDir);
    server = await startTestServer({ dataDir, tenantsDir });
    await addUser(dataDir, ada.email, ada.password);
  });

  after(async () => {
    await server?.close();
    removeDir(dataDir);
    removeDir(tenantsDir);
  });

  const portal = (tenant: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/${tenant}`, { headers });

  for (const locale of ['en', 'nl', 'sv'] as const satisfies Locale[]) {
    it(`links each flow the tenant offers, in ${locale}, with its help as text`, async () => {
      const t = words(locale);
      const response = await portal('contoso', { 'accept-language': locale });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const html = await response.text();
      assert.match(html, new RegExp(`<html lang="${locale}">`));
      assert.match(
        html,
        new RegExp(`<h1[^>]*>${t('portal_heading', 'Help with your password')}</h1>`),
      );
      assert.deepEqual(linksOf(html).slice(0, 3), [
        ['/contoso/B2C_1_signin', t('portal_sign_in', 'Sign in')],
        ['/contoso/B2C_1_passwordreset', t('portal_reset', 'I forgot my password')],
        ['/contoso/B2C_1_passwordchange', t('portal_change', 'Change my password')],
      ]);
      const tenant = JSON.parse(readFileSync('tenants/contoso.json', 'utf8')) as {
        portal: { help: Record<Locale, string>; links: { label: Record<Locale, string> }[] };
      };
      for (const line of tenant.portal.help[locale].split('\n')) {
        assert.ok(html.includes(asHtmlText(line)), line);
      }
      assert.deepEqual(
        linksOf(html)
          .slice(3)
          .map(([, text]) => text),
        tenant.portal.links.map((link) => link.label[locale]),
      );
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>[^<]/, 'no inline script');
    });
  }

  it('shows no link to a flow the tenant does not offer, and help markup as text', async () => {
    const html = await (await portal('northwind')).text();
    assert.deepEqual(linksOf(html), [['/northwind/B2C_1_signin', 'Sign in']]);
    assert.ok(
      html.includes(
        '&lt;b&gt;Call&lt;/b&gt; &lt;script&gt;window.__gateXss=1&lt;/script&gt; the desk',
      ),
    );
    assert.doesNotMatch(html, /<b>Call/);
  });

  for (const locale of ['en', 'nl', 'sv'] as const satisfies Locale[]) {
    it(`links the registration of a recovery email where the tenant requires it, in ${locale}`, async () => {
      const t = words(locale);
      const html = await (await portal('wingtip', { 'accept-language': locale })).text();
      assert.deepEqual(linksOf(html), [
        ['/wingtip/B2C_1_signin', t('portal_sign_in', 'Sign in')],
        ['/wingtip/B2C_1_signin', t('portal_register', 'Register or confirm my recovery email')],
        ['/wingtip/B2C_1_passwordreset', t('portal_reset', 'I forgot my password')],
        ['/wingtip/B2C_1_passwordchange', t('portal_change', 'Change my password')],
      ]);
    });
  }

  it('answers 404 for a tenant that does not exist', async () => {
    assert.equal((await portal('nobody')).status, 404);
  });

  it('knows who is signed in, and signs them out with its form', async () => {
    const signIn = await fetch(`${server.url}/api/v1/tenants/contoso/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: ada.email, password: ada.password }),
    });
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const html = await (await portal('contoso', { cookie })).text();
    assert.ok(html.includes(`You are signed in as ${ada.email}.`));
    assert.ok(!linksOf(html).some(([href]) => href === '/contoso/B2C_1_signin'), 'no sign-in link');
    assert.match(html, /<form method="post" action="\/contoso\/sign-out"/);
    // Another tenant's portal does not know the session.
    assert.doesNotMatch(await (await portal('fabrikam', { cookie })).text(), /signed in as/);

    const forged = await fetch(`${server.url}/contoso/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
      redirect: 'manual',
    });
    assert.equal(forged.status, 403);
    assert.ok((await (await portal('contoso', { cookie })).text()).includes('signed in as'));

    const out = await fetch(`${server.url}/contoso/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: server.url },
      redirect: 'manual',
    });
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/contoso');
    assert.match(out.headers.getSetCookie()[0]!, /^gatehouse_session=; .*Max-Age=0/);
    assert.doesNotMatch(await (await portal('contoso', { cookie })).text(), /signed in as/);
  });
});
