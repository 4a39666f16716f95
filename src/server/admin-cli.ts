/**
 * `npm run admin -- <command>`: users, the audit funnel and undeliverable email, on the same
 * storage as the server (the command line is read in admin/admin-arguments.ts).
 * With DATABASE_URL it talks to PostgreSQL directly. On the embedded database it opens DATA_DIR
 * itself when no server runs, and otherwise asks the running server (PGlite allows one process).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { runAdminCommand } from './admin/admin-commands.js';
import { parseCommand, usage } from './admin/admin-arguments.js';
import {
  adminResultSchema,
  type AdminRequest,
  type AdminResult,
} from './admin/admin-request.schema.js';
import { adminEndpointFile, adminSecretFile } from './admin/admin-endpoint.js';
import { formatOf } from './admin/import-file.js';
import { importFile, progressReporter, summaryLines } from './admin/import-users.js';
import {
  rolloutDryRun,
  rolloutSend,
  parseRolloutArgs,
  sendProgress,
} from './admin/rollout-send.js';
import { parseReportArgs, runReport } from './admin/report-cli.js';
import { systemClock } from './clock.js';
import { themeBrandSource } from './mail/mail-brand.js';
import { Mailer } from './mail/mailer.js';
import { outboxTransport, smtpTransport } from './mail/transports.js';
import { loadSecret } from './security/secrets.js';
import { readServerConfig, serverBase, type ServerConfig } from './config.js';
import { createLogger } from './log.js';
import { DataDirBusyError, openStorage } from './storage.js';
import { loadTenants } from './tenants.js';

const endpointSchema = z.object({ url: z.string().url(), pid: z.number() });

/** Sends the command to the server that holds the embedded database. */
async function viaServer(dataDir: string, request: AdminRequest): Promise<AdminResult> {
  let endpoint: z.infer<typeof endpointSchema>;
  let secret: string;
  try {
    endpoint = endpointSchema.parse(JSON.parse(await readFile(adminEndpointFile(dataDir), 'utf8')));
    secret = (await readFile(join(dataDir, adminSecretFile), 'utf8')).trim();
  } catch {
    throw new Error(
      `A server holds ${dataDir} but its admin endpoint is not ready; try again in a moment`,
    );
  }
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(30_000),
  });
  return adminResultSchema.parse(await response.json());
}

/**
 * Runs `work` with a way to execute admin commands: on storage this process opens, or through the
 * running server that holds the embedded database.
 */
async function withAdmin<T>(
  config: ServerConfig,
  work: (run: (request: AdminRequest) => Promise<AdminResult>) => Promise<T>,
  mail = false,
): Promise<T> {
  const tenants = await loadTenants(config.tenantsDir);
  const log = createLogger((line) => process.stderr.write(line));
  let storage;
  try {
    storage = await openStorage(config, 'admin-cli', log);
  } catch (error) {
    if (error instanceof DataDirBusyError && error.role === 'server') {
      return work((request) => viaServer(config.dataDir, request));
    }
    if (error instanceof DataDirBusyError) {
      throw new Error(`${error.message}; wait for it to finish and try again`);
    }
    throw error;
  }
  // With no server holding the storage, this process delivers the email it queues itself.
  const mailer = mail
    ? new Mailer({
        db: storage.database,
        tenants,
        key: await loadSecret(config.dataDir, 'mail.key', 'MAIL_KEY', config.mailKey),
        transport: config.smtpUrl
          ? smtpTransport(config.smtpUrl)
          : outboxTransport(join(config.dataDir, 'outbox'), log),
        brand: themeBrandSource(config.distDir, log),
        from: config.mailFrom,
        clock: systemClock,
        // Its warnings and errors only: the progress line already tells what went out.
        log: { ...log, info: () => {} },
      })
    : undefined;
  mailer?.start();
  try {
    const deps = {
      db: storage.database,
      tenants,
      clock: systemClock,
      ...(mailer ? { mailer } : {}),
    };
    return await work((request) => runAdminCommand(deps, request));
  } finally {
    await mailer?.close();
    await storage.close();
  }
}

const execute = (config: ServerConfig, request: AdminRequest) =>
  withAdmin(config, (run) => run(request));

/** `user import`: streamed from the file here, written batch by batch where the storage is. */
async function importCommand(config: ServerConfig, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      tenant: { type: 'string' },
      file: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const tenants = await loadTenants(config.tenantsDir);
  const tenant = tenants.get(values.tenant ?? '');
  if (!tenant) throw new Error(`--tenant must be one of: ${[...tenants.keys()].join(', ')}`);
  if (!values.file) throw new Error('--file is required for "user import"');
  const format = formatOf(values.file);
  if (!format) throw new Error('--file must end in .csv, .json or .jsonl');
  const size = (await stat(values.file)).size;
  const dryRun = values['dry-run'] ?? false;
  const summary = await withAdmin(config, (run) =>
    importFile({
      file: values.file!,
      format,
      tenant,
      dryRun,
      run,
      progress: progressReporter(process.stderr, size),
    }),
  );
  process.stdout.write(`${summaryLines(summary, dryRun, tenant.id).join('\n')}\n`);
  return summary.refused.length > 0 ? 1 : 0;
}

/** `rollout send`: a dry run with previews, or the sends at a rate, delivery followed. */
async function rolloutCommand(config: ServerConfig, argv: string[]): Promise<void> {
  const options = parseRolloutArgs(argv, await loadTenants(config.tenantsDir));
  const lines = options.dryRun
    ? await withAdmin(config, (run) =>
        rolloutDryRun(
          options,
          run,
          themeBrandSource(
            config.distDir,
            createLogger((line) => process.stderr.write(line)),
          ),
        ),
      )
    : await withAdmin(
        config,
        (run) => rolloutSend(options, run, sendProgress(process.stderr)),
        true,
      );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A user flow's Run now link: where the server is reached, the tenant and the policy. */
async function runNowLink(config: ServerConfig, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { tenant: { type: 'string' }, policy: { type: 'string' } },
  });
  const tenants = await loadTenants(config.tenantsDir);
  const tenant = tenants.get(values.tenant ?? '');
  if (!tenant) throw new Error(`--tenant must be one of: ${[...tenants.keys()].join(', ')}`);
  if (!tenant.runNow) throw new Error(`${tenant.id} does not enable Run now ("runNow": true)`);
  const policy = tenant.policies.find((candidate) => candidate.id === values.policy);
  if (!policy) {
    throw new Error(`--policy must be one of: ${tenant.policies.map((p) => p.id).join(', ')}`);
  }
  return `${serverBase(config)}/${tenant.id}/${policy.id}/run-now`;
}

/**
 * A password from a hidden prompt on a terminal, else the first line of stdin (`printf '%s' "$PW" |
 * npm run admin -- user add ...`): never an argument, which ps and shell history keep.
 */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += String(chunk);
    const password = text.split(/\r?\n/)[0] ?? '';
    if (password === '') throw new Error('no password on stdin');
    return password;
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') {
            input.off('data', onData);
            process.stderr.write('\n');
            resolve(typed);
            return;
          }
          if (char === '\u0003') {
            input.off('data', onData);
            reject(new Error('cancelled'));
            return;
          }
          typed = char === '\u007f' ? [...typed].slice(0, -1).join('') : typed + char;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (argv[0] === 'user' && argv[1] === 'import') {
    process.exitCode = await importCommand(readServerConfig(process.env), argv.slice(2));
    return;
  }
  if (argv[0] === 'report') {
    const config = readServerConfig(process.env);
    const options = parseReportArgs(argv.slice(1), await loadTenants(config.tenantsDir));
    const lines = await withAdmin(config, (run) => runReport(options, run));
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  if (argv[0] === 'rollout' && argv[1] === 'send') {
    await rolloutCommand(readServerConfig(process.env), argv.slice(2));
    return;
  }
  if (argv[0] === 'run-now') {
    process.stdout.write(`${await runNowLink(readServerConfig(process.env), argv.slice(1))}\n`);
    return;
  }
  let command: ReturnType<typeof parseCommand>;
  try {
    command = parseCommand(argv);
  } catch (error) {
    process.stderr.write(`admin: ${(error as Error).message}\n\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  if (command.request.command === 'user-add') {
    command.request.password = await readPassword(`Password for ${command.request.email}: `);
  }
  const result = await execute(readServerConfig(process.env), command.request);
  if (result.ok) {
    process.stdout.write(
      command.json
        ? `${JSON.stringify(result.data ?? null, null, 2)}\n`
        : `${result.lines.join('\n')}\n`,
    );
  } else {
    process.stderr.write(`admin: ${result.error}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`admin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
