/**
 * An app that signs its users in through Gatehouse, configured the way an app on Azure AD B2C
 * is: a tenant, a user flow (policy) and a client id. It is an ordinary OpenID Connect relying
 * party on openid-client (certified): discovery, authorization code with PKCE, state and nonce,
 * ID token checked against the published keys, and RP-initiated sign-out.
 *
 *   npm run example:relying-party     (Gatehouse running: npm start)
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import * as client from 'openid-client';

const env = process.env;
const settings = {
  /** Where Gatehouse is reached: B2C's `https://{tenant}.b2clogin.com` becomes this. */
  gatehouse: (env.GATEHOUSE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, ''),
  tenant: env.TENANT ?? 'contoso',
  signInPolicy: env.POLICY ?? 'B2C_1_signin',
  resetPolicy: env.RESET_POLICY ?? 'B2C_1_passwordreset',
  changePolicy: env.CHANGE_POLICY ?? 'B2C_1_passwordchange',
  clientId: env.CLIENT_ID ?? 'example-web-app',
  /** Only for a confidential client; this example is registered as a public one. */
  clientSecret: env.CLIENT_SECRET,
  /** Where this app is reached; the tenant file registers `{base}/auth/callback` and `{base}/`. */
  base: (env.BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '127.0.0.1',
};

/** The authority of a user flow, in B2C's shape: `{instance}/{tenant}/{policy}/v2.0/`. */
const authority = (policy) => new URL(`${settings.gatehouse}/${settings.tenant}/${policy}/v2.0/`);

const configurations = new Map();
async function configuration(policy) {
  if (!configurations.has(policy)) {
    const config = await client.discovery(
      authority(policy),
      settings.clientId,
      settings.clientSecret,
      settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
      authority(policy).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {},
    );
    client.enableNonRepudiationChecks(config);
    configurations.set(policy, config);
  }
  return configurations.get(policy);
}

/** Sessions of this app (not Gatehouse's): what a sign-in in progress needs, then who signed in. */
const sessions = new Map();
function sessionOf(req, res) {
  const id = /(?:^|;\s*)example_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (id && sessions.has(id)) return sessions.get(id);
  const fresh = randomBytes(24).toString('base64url');
  const session = {};
  sessions.set(fresh, session);
  res.setHeader('Set-Cookie', `example_session=${fresh}; Path=/; HttpOnly; SameSite=Lax`);
  return session;
}

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res, body, status = 200) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Example app</title></head><body><main>${body}</main></body></html>`);
}

async function startSignIn(req, res, session, policy) {
  const config = await configuration(policy);
  session.pending = {
    policy,
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${settings.base}/auth/callback`,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(session.pending.verifier),
    code_challenge_method: 'S256',
    state: session.pending.state,
    nonce: session.pending.nonce,
  });
  res.writeHead(303, { Location: url.href }).end();
}

async function handle(req, res) {
  const url = new URL(req.url, settings.base);
  const session = sessionOf(req, res);
  switch (url.pathname) {
    case '/':
      return page(
        res,
        session.user
          ? `<h1>Signed in</h1>
<p>You are signed in as <strong>${escape(session.user.email)}</strong>
(subject <code>${escape(session.user.sub)}</code>, user flow <code>${escape(session.user.tfp)}</code>).</p>
<form method="post" action="/change-password"><button>Change password</button></form>
<form method="post" action="/signout"><button>Sign out</button></form>`
          : `<h1>Example app</h1>
<p>This app signs you in with Gatehouse.</p>
<form method="post" action="/signin"><button>Sign in</button></form>
<p><a href="/reset">Forgot your password?</a></p>`,
      );
    case '/signin':
      return startSignIn(req, res, session, settings.signInPolicy);
    case '/reset':
      return startSignIn(req, res, session, settings.resetPolicy);
    case '/change-password':
      return startSignIn(req, res, session, settings.changePolicy);
    case '/auth/callback': {
      const pending = session.pending;
      if (!pending)
        return page(res, '<h1>Sign-in expired</h1><p><a href="/">Start again</a></p>', 400);
      delete session.pending;
      try {
        const tokens = await client.authorizationCodeGrant(
          await configuration(pending.policy),
          url,
          {
            pkceCodeVerifier: pending.verifier,
            expectedState: pending.state,
            expectedNonce: pending.nonce,
            idTokenExpected: true,
          },
        );
        const claims = tokens.claims();
        session.user = {
          sub: claims.sub,
          email: claims.email ?? claims.preferred_username,
          tfp: claims.tfp,
        };
        session.policy = pending.policy;
        session.idToken = tokens.id_token;
      } catch (error) {
        return page(
          res,
          `<h1>Sign-in failed</h1><p>${escape(error.message)}</p><p><a href="/">Start again</a></p>`,
          400,
        );
      }
      return res.writeHead(303, { Location: '/' }).end();
    }
    case '/signout': {
      if (!session.user) return res.writeHead(303, { Location: '/' }).end();
      const config = await configuration(session.policy);
      const signOut = client.buildEndSessionUrl(config, {
        id_token_hint: session.idToken,
        post_logout_redirect_uri: `${settings.base}/`,
      });
      delete session.user;
      return res.writeHead(303, { Location: signOut.href }).end();
    }
    default:
      return page(res, '<h1>Not found</h1>', 404);
  }
}

createServer((req, res) => {
  handle(req, res).catch((error) =>
    page(res, `<h1>Error</h1><p>${escape(error.message)}</p>`, 500),
  );
}).listen(settings.port, settings.host, () => {
  process.stdout.write(
    `Example app on ${settings.base}, signing in with ${authority(settings.signInPolicy)}\n`,
  );
});
