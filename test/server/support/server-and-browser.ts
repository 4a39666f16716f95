/**
 * The usual set-up of an end-to-end file: the built pages, one server process on a fresh data
 * folder with its mail going to an SMTP sink, and one Chromium, all for the whole file. Call it
 * inside `describe`; the fields are there once `before` has run.
 */
import { after, before } from 'node:test';
import { buildPagesIfStale } from '../../../scripts/build-pages.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { freshDataDir, removeDir } from './data-dir.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

export interface ServerAndBrowser {
  dataDir: string;
  sink: SmtpSink;
  server: ServerProcess;
  browser: TestBrowser;
}

export function serverAndBrowser(
  browserOptions: Parameters<typeof launchBrowser>[0] = {},
): ServerAndBrowser {
  const set = {} as ServerAndBrowser;
  before(async () => {
    buildPagesIfStale('dist');
    set.dataDir = await freshDataDir();
    set.sink = await startSmtpSink();
    set.server = await startServerProcess({ DATA_DIR: set.dataDir, SMTP_URL: set.sink.url });
    set.browser = await launchBrowser(browserOptions);
  });
  after(async () => {
    await set.browser?.close();
    await set.server?.stop();
    await set.sink?.close();
    if (set.dataDir) removeDir(set.dataDir);
  });
  return set;
}
