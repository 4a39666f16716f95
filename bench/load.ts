/**
 * A closed-loop HTTP load generator on node:http with keep-alive: each connection sends its next
 * request as soon as the last answer is in, for a fixed time or number of requests.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Answers per second. */
  rate: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How many answers had each status; `error` counts requests that got no answer. */
  statuses: Record<string, number>;
}

export interface LoadOptions {
  /** Several: the connections are spread over them in turn, as a round-robin load balancer does. */
  url: string | readonly string[];
  connections: number;
  seconds: number;
  /** The i-th request of the run; undefined ends the run early (for example when input runs out). */
  next: (index: number) => LoadRequest | undefined;
  onAnswer?: (request: LoadRequest, status: number, body: string) => void;
}

export function percentile(sorted: ArrayLike<number>, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

function send(agent: Agent, base: URL, load: LoadRequest) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: load.method,
        path: load.path,
        headers: {
          ...(load.body === undefined
            ? {}
            : {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(load.body),
              }),
          ...load.headers,
        },
        timeout: 30_000,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(load.body);
  });
}

export async function closedLoop(options: LoadOptions): Promise<LoadResult> {
  const targets = (typeof options.url === 'string' ? [options.url] : options.url).map((url) => ({
    base: new URL(url),
    agent: new Agent({ keepAlive: true, maxSockets: options.connections }),
  }));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let issued = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const connection = async (_: unknown, index: number) => {
    const { agent, base } = targets[index % targets.length]!;
    while (performance.now() < deadline) {
      const load = options.next(issued);
      if (!load) return;
      issued += 1;
      const sent = performance.now();
      try {
        const { status, body } = await send(agent, base, load);
        latencies.push(performance.now() - sent);
        statuses[status] = (statuses[status] ?? 0) + 1;
        options.onAnswer?.(load, status, body);
      } catch {
        statuses.error = (statuses.error ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  for (const { agent } of targets) agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    seconds,
    rate: latencies.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    statuses,
  };
}
