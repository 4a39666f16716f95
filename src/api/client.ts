/**
 * The fetch client. Every response is parsed with the contract; anything else becomes a typed
 * failure that the pages can name in the user's language.
 */
import type * as z from 'zod/mini';
import type {
  ErrorBody,
  ResetPasswordRequest,
  ResetStartRequest,
  ResetVerifyRequest,
  SignInRequest,
} from './contract.schema.js';
import type { Result } from '../shared/result.js';
import { routePath, routes } from './routes.js';

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

  constructor({
    base,
    tenant,
    timeoutMs = 15_000,
    language = documentLanguage,
    credentials = crossOrigin(base) ? 'include' : 'same-origin',
  }: ApiClientOptions) {
    this.#base = base.replace(/\/+$/, '');
    this.#tenant = tenant;
    this.#timeoutMs = timeoutMs;
    this.#language = language;
    this.#credentials = credentials;
  }

  config() {
    return this.#request(
      this.#path(routes.config),
      undefined,
      (contract) => contract.tenantConfigSchema,
    );
  }

  signIn(body: SignInRequest) {
    return this.#request(
      this.#path(routes.signIn),
      body,
      (contract) => contract.signInResponseSchema,
    );
  }

  startReset(body: ResetStartRequest) {
    return this.#request(
      this.#path(routes.resetStart),
      body,
      (contract) => contract.resetStartResponseSchema,
    );
  }

  resetStatus(flowId: string) {
    return this.#request(
      this.#path(routes.resetStatus, flowId),
      undefined,
      (contract) => contract.resetStatusResponseSchema,
    );
  }

  resendCode(flowId: string) {
    return this.#request(
      this.#path(routes.resetResend, flowId),
      {},
      (contract) => contract.resetResendResponseSchema,
    );
  }

  verifyCode(flowId: string, body: ResetVerifyRequest) {
    return this.#request(
      this.#path(routes.resetVerify, flowId),
      body,
      (contract) => contract.resetVerifyResponseSchema,
    );
  }

  setPassword(flowId: string, body: ResetPasswordRequest) {
    return this.#request(
      this.#path(routes.resetPassword, flowId),
      body,
      (contract) => contract.resetPasswordResponseSchema,
    );
  }

  sendConfirmationCode(flowId: string) {
    return this.#request(
      this.#path(routes.emailConfirmSend, flowId),
      {},
      (contract) => contract.emailConfirmSendResponseSchema,
    );
  }

  verifyConfirmationCode(flowId: string, body: ResetVerifyRequest) {
    return this.#request(
      this.#path(routes.emailConfirmVerify, flowId),
      body,
      (contract) => contract.emailConfirmVerifyResponseSchema,
    );
  }

  #path(route: string, flowId = '') {
    return this.#base + routePath(route, { tenant: this.#tenant, flowId });
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
      response = await fetch(url, {
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
