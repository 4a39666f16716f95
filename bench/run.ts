/**
 * `npm run bench`: builds the pages and the server, starts the real server on a free loopback port with a fresh
 * embedded database, and measures the figures of docs/performance.md: the sign-in page's first
 * load in bytes, when its password field shows (against a plain HTML form served beside it),
 * locale and theme switches, the server's rates, latencies and memory, and the password KDF.
 * Then two instances on one real PostgreSQL under mixed traffic (bench/soak.ts).
 * Prints one table and writes every sample to bench/results/ (ignored by git). It measures; it
 * fails only when something could not be measured. `--quick` runs fewer and shorter rounds;
 * `--soak-seconds N` sets the two-instance soak's length.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  buildPages,
  firstLoad,
  readBudget,
  removeBuild,
  total,
  type FirstLoadFile,
} from '../scripts/size-budget.js';
import { buildServer } from '../scripts/build-server.js';
import { currentParams, hashPassword } from '../src/server/security/password-hash.js';
import { closedLoop, median, type LoadRequest, type LoadResult } from './load.js';
import { measureRoundTrips } from './oidc-round-trip.js';
import { baselinePath, measureLoads, measureSwitches, withBrowser, type Switch } from './pages.js';
import { makeDataDir, removeDataDir, startServer, type BenchServer } from './server.js';
import { defaultSoakSeconds, measureSoak, soakRow, type SoakResult } from './soak.js';
import { importRow, measureImport, type ImportResult } from './import.js';

const quick = process.argv.includes('--quick');
/** `--soak-seconds N`: the two-instance soak's length (5 minutes unless told; 30 s with --quick). */
const soakFlag = process.argv.indexOf('--soak-seconds');
const plan = {
  pageRuns: quick ? 5 : 15,
  switchRepeats: quick ? 1 : 5,
  loadSeconds: quick ? 3 : 10,
  soakSeconds: quick ? 15 : 60,
  kdfRuns: 3,
  clusterSoakSeconds:
    soakFlag >= 0 ? Number(process.argv[soakFlag + 1]) : quick ? 30 : defaultSoakSeconds,
  connections: 10,
};
/** One frame at 60 Hz. */
const frameMs = 1000 / 60;
const tenantApi = '/api/v1/tenants/contoso';

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);
const mib = (bytes: number) => bytes / 2 ** 20;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/**
 * A different client address every 50 requests (behind the trusted proxy), so that no client
 * reaches the 100 failures an hour after which the server answers 429 (docs/security.md#rule-16).
 */
let sent = 0;
function fromClient(): Record<string, string> {
  const client = Math.floor(sent++ / 50);
  return { 'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}` };
}

function resetStart(): LoadRequest {
  return {
    method: 'POST',
    path: `${tenantApi}/password-reset`,
    // Unknown addresses do the same work as known ones (rule 12) but queue no email.
    body: JSON.stringify({ email: `bench-${sent}@bench.example` }),
    headers: fromClient(),
  };
}

/** A wrong code: the right ones are mailed, at most 10 an hour per address (rule 9). */
function codeVerify(flowId: string): LoadRequest {
  return {
    method: 'POST',
    path: `${tenantApi}/password-reset/${flowId}/verify`,
    body: JSON.stringify({ code: '000000' }),
    headers: fromClient(),
  };
}

async function measureServer(server: BenchServer) {
  const flows: string[] = [];
  const keepFlow = (_: LoadRequest, status: number, body: string) => {
    if (status === 202) flows.push((JSON.parse(body) as { flowId: string }).flowId);
  };
  /** Each flow takes 5 wrong codes before its code is dead; a dead code is cheaper to refuse. */
  let verifies = 0;
  const nextVerify = () =>
    verifies < flows.length * 5 ? codeVerify(flows[verifies++ % flows.length]!) : undefined;
  const run = (
    seconds: number,
    next: () => LoadRequest | undefined,
    connections = plan.connections,
  ) => closedLoop({ url: server.url, connections, seconds, next, onAnswer: keepFlow });

  say('server: warming up');
  const warmup = await run(2, resetStart);
  say('server: reset start');
  const start = await run(plan.loadSeconds, resetStart);
  say('server: code verify');
  const verify = await run(plan.loadSeconds, nextVerify);
  const mixed = () => (sent % 2 === 0 ? resetStart() : (nextVerify() ?? resetStart()));
  let served = warmup.requests + start.requests + verify.requests;
  while (served < 10_000) served += (await run(1, mixed)).requests;
  const rssAfter10k = server.rssBytes();

  say(`server: ${plan.soakSeconds} s soak`);
  const samples: { second: number; rssBytes: number }[] = [];
  const soakStarted = performance.now();
  const sample = () =>
    samples.push({
      second: (performance.now() - soakStarted) / 1000,
      rssBytes: server.rssBytes(),
    });
  sample();
  const sampler = setInterval(sample, 5000);
  const soak = await run(plan.soakSeconds, mixed);
  clearInterval(sampler);
  sample();

  say('server: sign-in');
  const signIn = await run(
    plan.loadSeconds,
    () => ({
      method: 'POST',
      path: `${tenantApi}/sign-in`,
      body: JSON.stringify({
        identifier: 'ada@contoso.example',
        password: 'correct horse battery staple',
      }),
      headers: fromClient(),
    }),
    4,
  );
  say('server: OpenID Connect round trips');
  const oidc = await measureRoundTrips(server.url, plan.loadSeconds);
  return { warmup, start, verify, served, rssAfter10k, soak, samples, signIn, oidc };
}

/** The KDF alone, in this process while the server idles. */
async function measureKdf() {
  const runs: number[] = [];
  for (let index = 0; index < plan.kdfRuns; index += 1) {
    const started = performance.now();
    await hashPassword('correct horse battery staple');
    runs.push(performance.now() - started);
  }
  return { params: currentParams, memoryBytes: 128 * currentParams.N * currentParams.r, runs };
}

/** Resident memory growth over the soak: the last quarter's median against the first quarter's. */
function growth(samples: readonly { rssBytes: number }[]) {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const first = median(samples.slice(0, quarter).map((entry) => entry.rssBytes));
  const last = median(samples.slice(-quarter).map((entry) => entry.rssBytes));
  return { first, last, max: Math.max(...samples.map((entry) => entry.rssBytes)) };
}

function switchSummary(switches: readonly Switch[]) {
  const summary = (subset: readonly Switch[]) => ({
    count: subset.length,
    medianFrameMs: median(subset.map((entry) => entry.frameMs)),
    maxFrameMs: Math.max(...subset.map((entry) => entry.frameMs)),
    withinFrame: subset.filter((entry) => entry.frameMs <= frameMs).length,
    maxDomMs: Math.max(...subset.map((entry) => entry.domMs)),
    allChanged: subset.every((entry) => entry.changed),
  });
  return {
    first: summary(switches.filter((entry) => !entry.repeat)),
    firstNamed: summary(switches.filter((entry) => !entry.repeat && entry.named)),
    firstUnnamed: summary(switches.filter((entry) => !entry.repeat && !entry.named)),
    repeat: summary(switches.filter((entry) => entry.repeat)),
  };
}

type Row = [figure: string, goal: string, measured: string, verdict: string];

const ms = (value: number) => `${value.toFixed(1)} ms`;
const bytes = (value: number) => `${Math.round(value).toLocaleString('en')} B`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

function rows(
  files: FirstLoadFile[],
  goalBytes: number,
  loads: Awaited<ReturnType<typeof measureLoads>>,
  switches: Awaited<ReturnType<typeof measureSwitches>>,
  server: Awaited<ReturnType<typeof measureServer>> & { firstStartRss: number; idleRss: number },
  kdf: Awaited<ReturnType<typeof measureKdf>>,
  cluster: SoakResult,
  imported: ImportResult,
): Row[] {
  const gzip = total(files);
  const usable = (name: keyof typeof loads) => median(loads[name].map((load) => load.usableMs));
  const painted = (name: keyof typeof loads) => median(loads[name].map((load) => load.paintedMs));
  const baseline = usable('baseline');
  const gatehouse = usable('gatehouse');
  const wire = median(
    loads.gatehouse.map((load) => load.scripts.reduce((sum, file) => sum + file.encodedBytes, 0)),
  );
  const fetched = new Set(loads.gatehouse.flatMap((load) => load.scripts.map((file) => file.path)));
  const ratio = (value: number) => `${(value / baseline).toFixed(2)}x`;
  const loadFigure = (name: keyof typeof loads) =>
    `usable ${ms(usable(name))} = ${ratio(usable(name))}; painted ${ms(painted(name))} = ${(painted(name) / painted('baseline')).toFixed(2)}x`;
  const locale = switchSummary(switches.locales);
  const theme = switchSummary(switches.themes);
  const switchRow = (
    name: string,
    summary: ReturnType<typeof switchSummary>['first'],
    judged = true,
  ): Row => [
    name,
    judged ? `painted within one frame (${ms(frameMs)})` : '',
    `median ${ms(summary.medianFrameMs)}, max ${ms(summary.maxFrameMs)}; ${summary.withinFrame}/${summary.count} within; DOM updated after at most ${ms(summary.maxDomMs)}${summary.allChanged ? '' : '; some did not change the page'}`,
    judged ? verdict(summary.medianFrameMs <= frameMs && summary.allChanged) : '',
  ];
  const loadRow = (name: string, result: LoadResult): Row => [
    name,
    '>= 500 /s, p99 < 50 ms',
    `${result.rate.toFixed(0)} /s, p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)} (${result.requests} requests, statuses ${JSON.stringify(result.statuses)})`,
    verdict(result.rate >= 500 && result.p99Ms < 50),
  ];
  const soak = growth(server.samples);
  const soakGrowth = soak.last - soak.first;
  const fcps = loads.gatehouse.flatMap((load) => load.fcpMs ?? []);
  return [
    [
      'sign-in first load, JS+CSS (gzip -9)',
      `<= ${bytes(goalBytes)}`,
      `${bytes(gzip)} in ${files.length} file(s); brotli ${bytes(files.reduce((sum, file) => sum + file.brotli, 0))}`,
      verdict(gzip <= goalBytes),
    ],
    [
      'JS+CSS fetched before the sign-in form was usable',
      '',
      `${bytes(wire)} over the wire (median): ${[...fetched].join(', ') || 'none'}`,
      '',
    ],
    [
      `password field usable, plain HTML form (median of ${loads.baseline.length})`,
      '',
      `usable ${ms(baseline)}; painted ${ms(painted('baseline'))}`,
      '',
    ],
    [
      `password field usable, Gatehouse (median of ${loads.gatehouse.length})`,
      '<= 1.25x plain HTML',
      `${loadFigure('gatehouse')} (first contentful paint ${fcps.length > 0 ? ms(median(fcps)) : 'not reported'})`,
      verdict(gatehouse <= 1.25 * baseline),
    ],
    [
      `password field usable, the page with its script refused (median of ${loads.noScript.length})`,
      'about 1.0x',
      loadFigure('noScript'),
      '',
    ],
    [
      `password field usable, a pack with brand fonts (fabrikam, median of ${loads.fonts.length})`,
      'as without fonts',
      loadFigure('fonts'),
      '',
    ],
    switchRow('locale switch, first to each locale', locale.first),
    switchRow('locale switch, repeated', locale.repeat),
    switchRow('theme switch, first to a pack named in `themes`', theme.firstNamed),
    switchRow('theme switch, first to a pack not named (one request)', theme.firstUnnamed, false),
    switchRow('theme switch, repeated', theme.repeat),
    loadRow('reset start', server.start),
    loadRow('code verify (wrong codes)', server.verify),
    [
      'sign-in (bounded by the KDF)',
      '',
      `${server.signIn.rate.toFixed(1)} /s, p50 ${ms(server.signIn.p50Ms)}, p99 ${ms(server.signIn.p99Ms)} (4 connections, statuses ${JSON.stringify(server.signIn.statuses)})`,
      '',
    ],
    [
      'OpenID Connect: authorize -> sign-in page -> sign-in -> code -> token (one after another)',
      '',
      `${server.oidc.rate.toFixed(1)} /s, p50 ${ms(server.oidc.p50Ms)}, p99 ${ms(server.oidc.p99Ms)} (${server.oidc.count} round trips, ${server.oidc.failures} failed); the KDF is ${ms(median(kdf.runs))} of each, ${((100 * median(kdf.runs)) / server.oidc.p50Ms).toFixed(0)}%`,
      '',
    ],
    [
      `KDF: scrypt N=2^${Math.log2(kdf.params.N)}, r=${kdf.params.r}, p=${kdf.params.p}`,
      '',
      `${ms(median(kdf.runs))} and ${mib(kdf.memoryBytes).toFixed(0)} MiB per run`,
      '',
    ],
    [
      'server resident memory, started (first start, creating the database)',
      '',
      `${mb(server.idleRss)} (${mb(server.firstStartRss)})`,
      '',
    ],
    [
      `server resident memory after ${server.served.toLocaleString('en')} requests`,
      '< 200 MB',
      mb(server.rssAfter10k),
      verdict(server.rssAfter10k < 200e6),
    ],
    [
      `resident memory over a ${plan.soakSeconds} s soak (${server.soak.requests} requests)`,
      'no growth (< 5 MB)',
      `${mb(soak.first)} -> ${mb(soak.last)} (max ${mb(soak.max)}), ${soakGrowth >= 0 ? '+' : ''}${mb(soakGrowth)}`,
      verdict(soakGrowth < 5e6),
    ],
    soakRow(cluster),
    importRow(imported),
  ];
}

function table(lines: Row[]): string {
  const header: Row = ['figure', 'goal', 'measured', ''];
  const all = [header, ...lines];
  const widths = header.map((_, column) => Math.max(...all.map((line) => line[column].length)));
  const format = (line: Row) =>
    `| ${line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    format(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...lines.map(format),
  ].join('\n');
}

function describeMachine() {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain').length > 0,
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
  };
}

async function main() {
  // Other work on the machine moves every time figure; the results say how busy it was.
  const loadBefore = loadavg()[0]!;
  say('building the pages and the server');
  const [outDir] = await Promise.all([buildPages(), buildServer()]);
  try {
    const files = await firstLoad(outDir);
    const { goalBytes } = await readBudget();
    await copyFile('bench/baseline.html', join(outDir, baselinePath));
    const dataDir = await makeDataDir();
    // The first start creates the database (initdb and the demo users' KDF runs, in the server's
    // own process); the figures are of a server started again on it, as it runs in production.
    say('creating the database');
    const first = await startServer(outDir, dataDir);
    const firstStartRss = first.rssBytes();
    await first.stop();
    say('starting the server');
    const server = await startServer(outDir, dataDir);
    const idleRss = server.rssBytes();
    try {
      const { loads, switches, chromium } = await withBrowser(async (browser) => {
        say(`page loads: ${plan.pageRuns} of each page, interleaved`);
        const loads = await measureLoads(browser, server.url, plan.pageRuns);
        say('locale and theme switches');
        const switches = await measureSwitches(browser, server.url, plan.switchRepeats);
        return { loads, switches, chromium: browser.version() };
      });
      const serverFigures = { firstStartRss, idleRss, ...(await measureServer(server)) };
      say('KDF');
      const kdf = await measureKdf();
      const cluster = await measureSoak(outDir, plan.clusterSoakSeconds, say);
      const imported = await measureImport(say);
      const summary = rows(
        files,
        goalBytes,
        loads,
        switches,
        serverFigures,
        kdf,
        cluster,
        imported,
      );
      const machine = {
        ...describeMachine(),
        chromium,
        loadAverageBefore: loadBefore,
      };
      const busy = loadBefore > machine.cpus / 2;
      const results = {
        date: new Date().toISOString(),
        plan,
        machine,
        summary: summary.map(([figure, goal, measured, met]) => ({ figure, goal, measured, met })),
        firstLoad: files,
        loads,
        switches,
        server: serverFigures,
        kdf,
        cluster,
        imported,
      };
      await mkdir('bench/results', { recursive: true });
      const json = `${JSON.stringify(results, null, 2)}\n`;
      const file = `bench/results/${results.date.replace(/[:.]/g, '-')}.json`;
      await writeFile(file, json);
      await writeFile('bench/results/latest.json', json);
      process.stdout.write(
        `\nGatehouse ${machine.commit}${machine.uncommittedChanges ? ' (with uncommitted changes)' : ''}, Node ${machine.node}, Chromium ${chromium}, ${machine.cpus} cores${quick ? ', quick run' : ''}\n${busy ? `Other work kept the machine busy (load average ${loadBefore.toFixed(1)} on ${machine.cpus} cores before the run): the times are noisy.\n` : ''}\n${table(summary)}\n\nAll samples: ${file}\n`,
      );
    } finally {
      await server.stop();
      await removeDataDir(dataDir);
    }
  } finally {
    await removeBuild(outDir);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
