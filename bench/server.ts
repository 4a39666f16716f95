/**
 * The real server as `npm run serve` runs it (the build of scripts/build-server.ts, which the
 * caller makes first), on a free loopback port, with a given data folder, serving a given build
 * of the pages. The resident memory read here is that process's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverArguments } from '../scripts/build-server.js';

export interface BenchServer {
  url: string;
  /** Resident set size of the server process, from /proc. */
  rssBytes(): number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A fresh data folder for `startServer`; the caller removes it. */
export function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'gatehouse-bench-data-'));
}

export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}

/** `env` adds to (or overrides) the embedded-database settings, e.g. DATABASE_URL and SMTP_URL. */
export async function startServer(
  distDir: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, serverArguments, {
    env: {
      ...process.env,
      // The embedded database and the outbox, whatever the caller's environment says.
      SMTP_URL: '',
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      // The load phases stand for many clients behind a proxy (X-Forwarded-For), so that the
      // per-address failure budget (docs/security.md#rule-16) does not turn them into 429s.
      TRUSTED_PROXIES: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(killer);
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      const output = readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`The server exited (${child.exitCode}):\n${output.slice(-2000)}`);
    }
    const ready = await fetch(`${url}/api/v1/tenants/contoso/config`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('The server did not answer within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
      if (!kib) throw new Error(`No VmRSS for process ${child.pid}`);
      return Number(kib) * 1024;
    },
    stop,
  };
}
