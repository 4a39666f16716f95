/**
 * A shop on its own origin that signs its customers in with Gatehouse's element, embedded in its
 * own page, not on Gatehouse's hosted pages. The page is static HTML with the element from the
 * installed package; this server adds what any app's OpenID Connect library gives it: the
 * authorization request (PKCE, state, nonce, built by openid-client) and, at the callback, the
 * exchange of the code for tokens, which say who signed in.
 *
 *   npm install && npm start      (Gatehouse running, the shop's origin in the tenant's
 *                                  embeddingOrigins and its callback in a client's redirectUris)
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as client from 'openid-client';

const env = process.env;
const settings = {
  gatehouse: (env.GATEHOUSE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, ''),
  tenant: env.TENANT ?? 'contoso',
  policy: env.POLICY ?? 'B2C_1_signin',
  clientId: env.CLIENT_ID ?? 'example-shop',
  base: (env.BASE_URL ?? 'http://localhost:3001').replace(/\/+$/, ''),
  port: Number(env.PORT ?? 3001),
  host: env.HOST ?? '127.0.0.1',
};
const here = dirname(fileURLToPath(import.meta.url));
/** The package's self-contained bundle, as `npm install` put it in node_modules. */
const elements = dirname(fileURLToPath(import.meta.resolve('@gatehouse/elements/bundle')));

let configuration;
async function gatehouse() {
  const authority = new URL(`${settings.gatehouse}/${settings.tenant}/${settings.policy}/v2.0/`);
  configuration ??= await client.discovery(
    authority,
    settings.clientId,
    undefined,
    client.None(),
    authority.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {},
  );
  return configuration;
}

/** This shop's own sessions: the sign-in under way, then who signed in. */
const sessions = new Map();
function sessionOf(req, res) {
  const id = /(?:^|;\s*)shop_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (id && sessions.has(id)) return sessions.get(id);
  const fresh = randomBytes(24).toString('base64url');
  sessions.set(fresh, {});
  res.setHeader('Set-Cookie', `shop_session=${fresh}; Path=/; HttpOnly; SameSite=Lax`);
  return sessions.get(fresh);
}

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A strict policy: scripts only from this origin, and Gatehouse's origin for what the element
 * fetches (API, theme pack) and shows (logo, background, fonts). docs/embedding.md explains each.
 */
const csp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  `connect-src ${settings.gatehouse}`,
  `img-src ${settings.gatehouse}`,
  `font-src ${settings.gatehouse}`,
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': csp });
  res.end(body);
}

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="stylesheet" href="/site.css"></head><body><main>${body}</main></body></html>`;

async function signInPage(res, session) {
  const config = await gatehouse();
  session.pending = {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
  };
  const authorization = client.buildAuthorizationUrl(config, {
    redirect_uri: `${settings.base}/callback`,
    scope: 'openid email',
    code_challenge: await client.calculatePKCECodeChallenge(session.pending.verifier),
    code_challenge_method: 'S256',
    state: session.pending.state,
    nonce: session.pending.nonce,
  });
  const values = {
    GATEHOUSE: settings.gatehouse,
    TENANT: settings.tenant,
    POLICY: settings.policy,
    AUTHORIZATION_URL: authorization.href,
  };
  const html = (await readFile(join(here, 'index.html'), 'utf8')).replace(/%(\w+)%/g, (_, name) =>
    escape(values[name]),
  );
  send(res, 200, 'text/html; charset=utf-8', html);
}

async function callback(res, session, url) {
  const pending = session.pending;
  delete session.pending;
  if (!pending)
    return send(res, 400, 'text/html; charset=utf-8', page('Expired', '<p>Start again.</p>'));
  const tokens = await client.authorizationCodeGrant(await gatehouse(), url, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const { email, sub } = tokens.claims();
  send(
    res,
    200,
    'text/html; charset=utf-8',
    page(
      'Signed in',
      `<h1>Signed in</h1><p>Welcome, <strong>${escape(email)}</strong> (subject <code>${escape(sub)}</code>).</p>`,
    ),
  );
}

const types = { '.js': 'text/javascript', '.css': 'text/css' };
async function file(res, dir, path) {
  const full = normalize(join(dir, path));
  if (!full.startsWith(dir)) return send(res, 404, 'text/plain', 'Not found');
  try {
    send(res, 200, types[extname(full)] ?? 'application/octet-stream', await readFile(full));
  } catch {
    send(res, 404, 'text/plain', 'Not found');
  }
}

async function handle(req, res) {
  const url = new URL(req.url, settings.base);
  if (url.pathname === '/') return signInPage(res, sessionOf(req, res));
  if (url.pathname === '/callback') return callback(res, sessionOf(req, res), url);
  if (url.pathname === '/site.css') return file(res, here, 'site.css');
  if (url.pathname.startsWith('/elements/')) return file(res, elements, url.pathname.slice(10));
  send(res, 404, 'text/plain', 'Not found');
}

createServer((req, res) => {
  handle(req, res).catch((error) =>
    send(res, 500, 'text/html; charset=utf-8', page('Error', `<p>${escape(error.message)}</p>`)),
  );
}).listen(settings.port, settings.host, () => {
  process.stdout.write(`Example shop on ${settings.base}, signing in with ${settings.gatehouse}\n`);
});
