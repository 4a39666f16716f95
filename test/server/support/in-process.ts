/**
 * A Gatehouse started inside the test process, for the tests that need an injected clock or
 * limits, or to read the server's log lines.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPagesIfStale } from '../../../scripts/build-pages.js';
import type { ServerConfig } from '../../../src/server/config.js';
import {
  startGatehouse,
  type Gatehouse,
  type GatehouseOptions,
} from '../../../src/server/gatehouse.js';
import type { Limits } from '../../../src/rules/limits.js';
import { createLogger } from '../../../src/server/log.js';
import type { AdminRequest, AdminResult } from '../../../src/server/admin/admin-request.schema.js';
import { adminEndpointFile, adminSecretFile } from '../../../src/server/admin/admin-endpoint.js';
import { TestClock } from './test-clock.js';

export interface TestServer {
  gatehouse: Gatehouse;
  url: string;
  clock: TestClock;
  config: ServerConfig;
  /** Every log line so far, parsed. */
  logs: Record<string, unknown>[];
  /** Every log line so far, as written. */
  logText(): string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  dataDir: string;
  smtpUrl?: string;
  databaseUrl?: string;
  limits?: Partial<Limits>;
  clock?: TestClock;
  trustedProxies?: string[];
  mailRetryDelaysMs?: number[];
  /** Pretend to be served over HTTPS behind a proxy, e.g. https://id.example.com. */
  publicUrl?: string;
  /** The built pages to serve; `dist` unless a test needs files of its own among them. */
  distDir?: string;
  /** The tenant files; the shipped `tenants` unless a test needs its own. */
  tenantsDir?: string;
  /** Wraps the database the services use, e.g. to trace their statements. */
  serviceDatabase?: GatehouseOptions['serviceDatabase'];
}

export function testConfig(options: TestServerOptions): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    smtpUrl: options.smtpUrl,
    mailFrom: 'no-reply@gatehouse.test',
    publicUrl: options.publicUrl,
    // Tests speak for many clients from one address by setting X-Forwarded-For.
    trustedProxies: options.trustedProxies ?? ['127.0.0.1'],
    codeHashKey: undefined,
    mailKey: undefined,
    tenantsDir: options.tenantsDir ?? 'tenants',
    distDir: options.distDir ?? 'dist',
    signingKeyRefreshSeconds: 60,
  };
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  // `npm run test:node` builds first; this covers running one file on its own.
  buildPagesIfStale('dist');
  const lines: string[] = [];
  const clock = options.clock ?? new TestClock();
  const config = testConfig(options);
  const gatehouse = await startGatehouse({
    config,
    clock,
    log: createLogger((line) => lines.push(line)),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.mailRetryDelaysMs ? { mailRetryDelaysMs: options.mailRetryDelaysMs } : {}),
    ...(options.serviceDatabase ? { serviceDatabase: options.serviceDatabase } : {}),
  });
  return {
    gatehouse,
    url: gatehouse.url,
    clock,
    config,
    get logs() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    logText: () => lines.join(''),
    close: () => gatehouse.close(),
  };
}

/** Runs an admin command through the running server's loopback endpoint, as the CLI does. */
export async function adminCommand(dataDir: string, request: AdminRequest): Promise<AdminResult> {
  const { url } = JSON.parse(await readFile(adminEndpointFile(dataDir), 'utf8')) as { url: string };
  const secret = (await readFile(join(dataDir, adminSecretFile), 'utf8')).trim();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify(request),
  });
  return (await response.json()) as AdminResult;
}

/** Adds a contoso user with no groups through the admin endpoint, failing the test if it cannot. */
export async function addUser(dataDir: string, email: string, password: string): Promise<void> {
  const result = await adminCommand(dataDir, {
    command: 'user-add',
    tenant: 'contoso',
    email,
    password,
    groups: [],
  });
  assert.equal(result.ok, true, JSON.stringify(result));
}
