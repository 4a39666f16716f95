/**
 * The app's OpenID Connect side, all of it openid-client: discovery of the Gatehouse user flow,
 * the authorization request (PKCE, state, nonce) that the embedded element completes, and the
 * exchange of the code at the callback. Settings come from Vite's environment at build time.
 */
import * as oidc from 'openid-client';

export const settings = {
  gatehouse: import.meta.env.VITE_GATEHOUSE_URL ?? 'http://127.0.0.1:8080',
  tenant: import.meta.env.VITE_TENANT ?? 'contoso',
  policy: import.meta.env.VITE_POLICY ?? 'B2C_1_signin',
  clientId: import.meta.env.VITE_CLIENT_ID ?? 'example-shop',
};

const redirectUri = `${location.origin}/callback`;
const pendingKey = 'gatehouse-example-pending';

let configuration: Promise<oidc.Configuration> | undefined;
function gatehouse() {
  const authority = new URL(`${settings.gatehouse}/${settings.tenant}/${settings.policy}/v2.0/`);
  configuration ??= oidc.discovery(
    authority,
    settings.clientId,
    undefined,
    oidc.None(),
    authority.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {},
  );
  return configuration;
}

/** A new authorization request; what the callback needs to check it waits in sessionStorage. */
export async function authorizationUrl(): Promise<string> {
  const pending = {
    verifier: oidc.randomPKCECodeVerifier(),
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
  };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const url = oidc.buildAuthorizationUrl(await gatehouse(), {
    redirect_uri: redirectUri,
    scope: 'openid email',
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return url.href;
}

/** At the callback: the code for tokens, and from them who signed in. */
export async function signedIn(): Promise<{ email: string; sub: string }> {
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as {
    verifier: string;
    state: string;
    nonce: string;
  } | null;
  sessionStorage.removeItem(pendingKey);
  if (!pending) throw new Error('No sign-in is under way.');
  const tokens = await oidc.authorizationCodeGrant(await gatehouse(), new URL(location.href), {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  return { email: String(claims.email), sub: claims.sub };
}
