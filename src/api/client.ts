/**
 * The fetch client. Every response is parsed with the contract; anything else becomes a typed
 * failure that the pages can name in the user's language.
 */
import type * as z from 'zod/mini';
import type { ErrorBody } from './contract.schema.js';
import type { Result } from '../shared/result.js';
import {
  endpointPath,
  endpoints,
  type Endpoint,
  type EndpointName,
  type Endpoints,
  type PathParamsOf,
  type RequestOf,
  type ResponseOf,
} from './endpoints.js';

type Contract = typeof import('./contract.schema.js');

/**
 * The schemas arrive beside the first request rather than with the page: validating needs zod,
 * and the sign-in page's first load has no request to validate (the hosted page carries its
 * settings in its HTML).
 */
const loadContract = () => import('./contract.schema.js');

/** Failures that never came from a well-formed error body. */
export type TransportFailure =
  | { error: 'network' }
  | { error: 'timeout' }
  | { error: 'malformed_response' }
  | { error: 'server_error' };

export type ApiError = ErrorBody | TransportFailure;

export type ApiResult<T> = Result<T, ApiError>;

export interface ApiClientOptions {
  /** Where the contract's paths start, e.g. `/api/v1` or `https://id.example.com/api/v1`. */
  base: string;
  tenant: string;
  /** Abort a request that has not answered by then. */
  timeoutMs?: number;
  /**
   * The page's language, sent as `Accept-Language` so that the server writes its emails in it.
   * Defaults to the document's `lang`, which the hosted app keeps equal to the active locale.
   */
  language?: () => string | undefined;
  /**
   * Defaults to `include` when `base` is on another origin than the page (an embedded element;
   * the server grants credentials only to the tenant's embedding origins, docs/embedding.md),
   * else `same-origin`.
   */
  credentials?: RequestCredentials;
  /** Sends the requests; the server's form posts call its own API in process with it. */
  fetch?: typeof fetch;
}

const documentLanguage = () =>
  typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined;

const crossOrigin = (base: string) =>
  typeof location !== 'undefined' && new URL(base, location.href).origin !== location.origin;

export class ApiClient {
  readonly #base: string;
  readonly #tenant: string;
  readonly #timeoutMs: number;
  readonly #language: () => string | undefined;
  readonly #credentials: RequestCredentials;
  readonly #fetch: typeof fetch | undefined;

  constructor({
    base,
    tenant,
    timeoutMs = 15_000,
    language = documentLanguage,
    credentials = crossOrigin(base) ? 'include' : 'same-origin',
    fetch: send,
  }: ApiClientOptions) {
    this.#base = base.replace(/\/+$/, '');
    this.#tenant = tenant;
    this.#timeoutMs = timeoutMs;
    this.#language = language;
    this.#credentials = credentials;
    this.#fetch = send;
  }

  /** Calls one endpoint of the contract (src/api/endpoints.ts) and parses its answer. */
  call<N extends EndpointName>(
    name: N,
    ...[input]: Endpoints[N]['method'] extends 'GET'
      ? PathParamsOf<N> extends { flowId: string }
        ? [PathParamsOf<N>]
        : []
      : [PathParamsOf<N> & { body: RequestOf<N> }]
  ): Promise<ApiResult<ResponseOf<N>>> {
    const endpoint: Endpoint = endpoints[name];
    const params = { tenant: this.#tenant, ...(input as { flowId?: string }) };
    return this.#request(
      this.#base + endpointPath(endpoint.path, params as Record<string, string>),
      endpoint.method === 'GET' ? undefined : (input as { body: object }).body,
      (contract) => contract[endpoint.response] as unknown as z.ZodMiniType<ResponseOf<N>>,
    );
  }

  async #request<T>(
    url: string,
    body: object | undefined,
    schemaOf: (contract: Contract) => z.ZodMiniType<T>,
  ): Promise<ApiResult<T>> {
    const contract = loadContract();
    // Settled here too, so that a failed load is not an unhandled rejection before it is awaited.
    contract.catch(() => undefined);
    const signal = AbortSignal.timeout(this.#timeoutMs);
    const language = this.#language();
    let response: Response;
    try {
      // The global one is looked up per request: tests put their mock in its place.
      response = await (this.#fetch ?? fetch)(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(language ? { 'accept-language': language } : {}),
        },
        body: body === undefined ? null : JSON.stringify(body),
        credentials: this.#credentials,
        signal,
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { ok: false, failure: { error: timedOut ? 'timeout' : 'network' } };
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      // The time limit covers the body too: a body that stalls past it is a timeout, not junk.
      if (signal.aborted) return { ok: false, failure: { error: 'timeout' } };
    }
    let schemas: Contract;
    try {
      schemas = await contract;
    } catch {
      return { ok: false, failure: { error: 'network' } };
    }
    if (response.ok) {
      const parsed = schemaOf(schemas).safeParse(json);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, failure: { error: 'malformed_response' } };
    }
    const parsed = schemas.errorBodySchema.safeParse(json);
    if (parsed.success) return { ok: false, failure: parsed.data };
    return {
      ok: false,
      failure: { error: response.status >= 500 ? 'server_error' : 'malformed_response' },
    };
  }
}
