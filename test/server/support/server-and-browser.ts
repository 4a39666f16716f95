/**
 * The usual set-up of an end-to-end file: the built pages, one server process on a fresh data
 * folder with its mail going to an SMTP sink, and one Chromium, all for the whole file. With
 * `apps`, a relying party's callback listens too, and the server reads a copy of `tenants/` in
 * which those tenants register the test's apps. Call it inside `describe`; the fields are there
 * once `before` has run.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { buildPagesIfStale } from '../../../scripts/build-pages.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { emptyDir, freshDataDir, removeDir } from './data-dir.js';
import { startCallback, type Callback } from './relying-party.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

export interface ServerAndBrowser {
  dataDir: string;
  sink: SmtpSink;
  server: ServerProcess;
  browser: TestBrowser;
  /** With `apps` only: where the browser brings the apps' answers back. */
  callback: Callback;
  /** With `apps` only: the tenants the server reads (the admin CLI must read the same). */
  tenantsDir: string;
}

export interface SetUpOptions {
  /** `javaScriptEnabled: false` browses as with the script turned off. */
  browser?: Parameters<typeof launchBrowser>[0];
  /** The apps each tenant registers (its `clients`), given the test's callback. */
  apps?: (callback: Callback) => Record<string, unknown[]>;
  /** More of the server's environment (an app's secret, say). */
  env?: Record<string, string>;
}

/** A copy of `tenants/` with the apps added, for the server to read instead. */
function tenantsWithApps(apps: Record<string, unknown[]>): string {
  const dir = emptyDir('gatehouse-tenants-');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync('tenants').filter((name) => name.endsWith('.json'))) {
    const tenant = JSON.parse(readFileSync(join('tenants', file), 'utf8')) as Record<
      string,
      unknown
    >;
    const clients = apps[file.slice(0, -'.json'.length)];
    writeFileSync(join(dir, file), JSON.stringify(clients ? { ...tenant, clients } : tenant));
  }
  return dir;
}

export function serverAndBrowser(options: SetUpOptions = {}): ServerAndBrowser {
  const set = {} as ServerAndBrowser;
  before(async () => {
    buildPagesIfStale('dist');
    set.dataDir = await freshDataDir();
    set.sink = await startSmtpSink();
    const env: Record<string, string> = { ...options.env };
    if (options.apps) {
      set.callback = await startCallback();
      set.tenantsDir = tenantsWithApps(options.apps(set.callback));
      env.TENANTS_DIR = set.tenantsDir;
    }
    set.server = await startServerProcess({
      DATA_DIR: set.dataDir,
      SMTP_URL: set.sink.url,
      ...env,
    });
    set.browser = await launchBrowser(options.browser);
  });
  after(async () => {
    await set.browser?.close();
    await set.server?.stop();
    await set.callback?.close();
    await set.sink?.close();
    if (set.dataDir) removeDir(set.dataDir);
    if (set.tenantsDir) removeDir(set.tenantsDir);
  });
  return set;
}
