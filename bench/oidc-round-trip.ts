/**
 * The OpenID Connect front door as an app drives it, over HTTP without a browser: authorize, the
 * hosted sign-in page, the sign-in, back through the interaction to the code, and the token
 * exchange with PKCE and the ID token checked by openid-client. One round trip is one user
 * signing in to one app; its one password check (the KDF) is most of its cost.
 */
import * as client from 'openid-client';
import { median } from './load.js';

export interface RoundTrips {
  count: number;
  rate: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

/** A browser's cookies, for one round trip (all on one host; names never collide here). */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) this.#cookies.delete(pair!.slice(0, at));
      else this.#cookies.set(pair!.slice(0, at), value);
    }
    await response.arrayBuffer();
    return response;
  }
}

async function roundTrip(
  base: string,
  config: client.Configuration,
  redirectUri: string,
  clientAddress: string,
) {
  const jar = new CookieJar();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const authorize = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  let location = authorize.href;
  // authorize -> interaction -> the hosted sign-in page
  for (let hop = 0; hop < 3; hop += 1) {
    const response = await jar.fetch(new URL(location, base).href);
    if (response.status !== 303) break;
    location = response.headers.get('location')!;
  }
  const signIn = await jar.fetch(`${base}/api/v1/tenants/contoso/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress },
    body: JSON.stringify({
      identifier: 'ada@contoso.example',
      password: 'correct horse battery staple',
    }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  location = new URL(location, base).searchParams.get('redirect_uri')!;
  // continue -> resume -> the app's redirect URI with the code
  while (!location.startsWith(redirectUri)) {
    const response = await jar.fetch(new URL(location, base).href);
    if (response.status !== 303) throw new Error(`${location} answered ${response.status}`);
    location = response.headers.get('location')!;
  }
  await client.authorizationCodeGrant(config, new URL(location), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
}

/** Round trips one after another for `seconds`, as one user after another would. */
export async function measureRoundTrips(base: string, seconds: number): Promise<RoundTrips> {
  const config = await client.discovery(
    new URL(`${base}/contoso/B2C_1_signin/v2.0/`),
    'example-web-app',
    undefined,
    client.None(),
    { execute: [client.allowInsecureRequests] },
  );
  // The demo tenant registers the example app's address; the bench only reads the code from it.
  const redirectUri = 'http://localhost:3000/auth/callback';
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const began = performance.now();
    try {
      await roundTrip(base, config, redirectUri, `10.200.0.${latencies.length % 250}`);
      latencies.push(performance.now() - began);
    } catch {
      failures += 1;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: latencies.length,
    rate: latencies.length / elapsed,
    p50Ms: median(latencies),
    p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
    failures,
  };
}
