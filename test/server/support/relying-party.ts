/**
 * A relying party as an app would be one: openid-client (certified) against Gatehouse's
 * discovery, and a callback address on loopback that records what the browser brought back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';

export interface Callback {
  /** Every URL the browser arrived at, newest last (a form post's fields in its query). */
  arrivals: URL[];
  /** `http://127.0.0.1:{port}/cb` */
  redirectUri: string;
  /** `http://127.0.0.1:{port}/signed-out` */
  postLogoutUri: string;
  /** Waits for the `count`-th arrival. */
  next(count: number, timeoutMs?: number): Promise<URL>;
  close(): Promise<void>;
}

export async function startCallback(): Promise<Callback> {
  const arrivals: URL[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, `http://${req.headers.host}`);
    if (url.pathname !== '/cb' && url.pathname !== '/signed-out') {
      res.writeHead(404).end();
      return;
    }
    // A form_post answer arrives as a form; it is recorded as if it had come in the query.
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      for (const [name, value] of new URLSearchParams(body)) url.searchParams.set(name, value);
      arrivals.push(url);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Relying party</title><h1>Back at the app</h1>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    arrivals,
    redirectUri: `${base}/cb`,
    postLogoutUri: `${base}/signed-out`,
    async next(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (arrivals.length < count) {
        if (Date.now() > until) throw new Error(`no arrival #${count} at the relying party`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return arrivals[count - 1]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Discovery of a Gatehouse user flow, as an app configured B2C-style would do it. */
export async function discover(
  base: string,
  tenant: string,
  policy: string,
  clientId: string,
  secret?: string,
  options: { fetchVia?: string } = {},
): Promise<client.Configuration> {
  const config = await client.discovery(
    new URL(`${base}/${tenant}/${policy}/v2.0/`),
    clientId,
    secret,
    secret ? client.ClientSecretBasic(secret) : client.None(),
    { execute: [client.allowInsecureRequests] },
  );
  // ID tokens are checked against the published keys too, not only by the TLS channel.
  client.enableNonRepudiationChecks(config);
  if (options.fetchVia) {
    const via = options.fetchVia;
    config[client.customFetch] = (url, init) => fetch(url.replace(base, via), init as RequestInit);
  }
  return config;
}

export interface AuthorizeRequest {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

export async function authorizeUrl(
  config: client.Configuration,
  redirectUri: string,
  extra: Record<string, string> = {},
): Promise<AuthorizeRequest> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    // offline_access counts only with prompt=consent (OpenID Connect Core 11).
    scope: 'openid email profile offline_access',
    prompt: 'consent',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, verifier, state, nonce };
}

export function exchange(config: client.Configuration, arrival: URL, request: AuthorizeRequest) {
  return client.authorizationCodeGrant(config, arrival, {
    pkceCodeVerifier: request.verifier,
    expectedState: request.state,
    expectedNonce: request.nonce,
    idTokenExpected: true,
  });
}
