/** Calls to the contract as a test client makes them, answering status, headers and parsed body. */
export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

export interface CallOptions {
  /** The client address the server should count (it trusts 127.0.0.1 as a proxy in tests). */
  ip?: string;
  language?: string;
  headers?: Record<string, string>;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: tests look at `text`.
  }
  return { status: response.status, headers: response.headers, body, text };
}

function headersFor(options: CallOptions, json: boolean): Record<string, string> {
  return {
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
    ...(options.language ? { 'accept-language': options.language } : {}),
    ...options.headers,
  };
}

export function apiOf(base: string, tenant = 'contoso') {
  const url = (path: string) => `${base}/api/v1/tenants/${tenant}${path}`;
  return {
    url,
    post: async (path: string, body: unknown, options: CallOptions = {}) =>
      answer(
        await fetch(url(path), {
          method: 'POST',
          headers: headersFor(options, true),
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
    get: async (path: string, options: CallOptions = {}) =>
      answer(await fetch(url(path), { headers: headersFor(options, false) })),
  };
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
