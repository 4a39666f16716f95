/**
 * Starts a whole Gatehouse server from its settings: storage (embedded or PostgreSQL) with its
 * migrations, tenants, secrets, demo users, mail, the HTTP server with the timeouts of
 * docs/security.md#rule-24, and, on the embedded database, the admin endpoint. `close()` undoes
 * all of it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { startAdminEndpoint, adminSecretFile } from './admin/admin-endpoint.js';
import { systemClock, type Clock } from './clock.js';
import { serverBase, type ServerConfig } from './config.js';
import { openStorage } from './storage.js';
import type { Database } from './database/database.js';
import { createDemoUsers, type DemoUser } from './demo-users.js';
import { createHttpApp } from './http/app.js';
import type { FrontDoorHolder } from './http/front-door-routes.js';
import { clientSecrets } from './oidc/clients.js';
import { openFrontDoor } from './oidc/front-door.js';
import { runNow } from './oidc/run-now.js';
import { pruneProviderState } from './oidc/database-adapter.js';
import { pruneSigningKeys } from './oidc/signing-keys.js';
import { loadHostedPages } from './http/pages.js';
import { dayMs, defaultLimits, type Limits } from '../rules/limits.js';
import { createLogger, errorFields, type Logger } from './log.js';
import { themeBrandSource } from './mail/mail-brand.js';
import { Mailer } from './mail/mailer.js';
import { outboxTransport, smtpTransport } from './mail/transports.js';
import { hashPassword } from './security/password-hash.js';
import { loadSecret } from './security/secrets.js';
import type { ServiceContext } from './services/context.js';
import { pruneFlows } from './store/code-flows.js';
import { pruneDeadLetters } from './store/mail-outbox.js';
import { pruneSessions } from './store/sessions.js';
import { pruneThrottleWindows } from './store/throttle.js';
import { loadTenants, requireTenantThemes } from './tenants.js';
import { logRefusal, swappablePages, warnEmptyResetGroups } from './settings-reload.js';

export interface GatehouseOptions {
  config: ServerConfig;
  clock?: Clock;
  limits?: Partial<Limits>;
  log?: Logger;
  mailRetryDelaysMs?: readonly number[];
  /** Wraps the database the services use; tests trace their statements with it. */
  serviceDatabase?: (db: Database) => Database;
}

export interface Gatehouse {
  /** Where the server listens, e.g. http://127.0.0.1:8080. */
  url: string;
  storage: 'embedded' | 'postgres';
  mail: 'smtp' | 'outbox';
  /** Demo accounts created by this start (only the first start of a database has any). */
  demoUsers: DemoUser[];
  /**
   * Reads the tenants folder again (what SIGHUP does): true when the new settings now serve,
   * false when a problem kept the running ones (each problem is logged).
   */
  reloadSettings(): Promise<boolean>;
  close(): Promise<void>;
}

/** Ours: how often old counters, flows and sessions are deleted. */
const pruneEveryMs = 10 * 60_000;

export async function startGatehouse(options: GatehouseOptions): Promise<Gatehouse> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger();
  const limits: Limits = { ...defaultLimits, ...options.limits };
  // One map, changed in place by a reload, so that every holder sees the new settings at once.
  const tenants = new Map(await loadTenants(config.tenantsDir));
  const secrets = clientSecrets(tenants, config.tenantsDir, process.env);
  await requireTenantThemes(tenants, config.tenantsDir, config.distDir);
  const swappable = swappablePages(await loadHostedPages(config.distDir, tenants, log));
  const hostedPages = swappable.pages;
  const storage = await openStorage(config, 'server', log);
  const cleanups: (() => Promise<void> | void)[] = [() => storage.close()];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await Promise.resolve(cleanup()).catch((error: unknown) =>
        log.error('close_failed', errorFields(error)),
      );
    }
  };
  try {
    const db = storage.database;
    const codeKey = await loadSecret(
      config.dataDir,
      'code-hash.key',
      'CODE_HASH_KEY',
      config.codeHashKey,
    );
    const transport = config.smtpUrl
      ? smtpTransport(config.smtpUrl)
      : outboxTransport(join(config.dataDir, 'outbox'), log);
    const mailer = new Mailer({
      db,
      tenants,
      key: await loadSecret(config.dataDir, 'mail.key', 'MAIL_KEY', config.mailKey),
      transport,
      brand: themeBrandSource(config.distDir, log),
      from: config.mailFrom,
      clock,
      log,
      ...(options.mailRetryDelaysMs ? { retryDelaysMs: options.mailRetryDelaysMs } : {}),
    });
    cleanups.push(() => mailer.close());
    const context: ServiceContext = {
      db: options.serviceDatabase?.(db) ?? db,
      clock,
      limits,
      mailer,
      log,
      codeKey,
      dummyPassword: await hashPassword(randomBytes(16).toString('hex')),
    };
    const demoUsers = await createDemoUsers(db, tenants, clock);

    const prune = async () => {
      const now = clock.now();
      try {
        await pruneThrottleWindows(db, new Date(now - 2 * dayMs));
        await pruneFlows(db, new Date(now - dayMs));
        await pruneSessions(db, new Date(now));
        await pruneDeadLetters(db, new Date(now - 30 * dayMs));
        await pruneProviderState(db, new Date(now));
        await pruneSigningKeys(db, new Date(now));
      } catch (error) {
        log.warn('prune_failed', errorFields(error));
      }
    };
    await prune();
    const pruneTimer = setInterval(() => void prune(), pruneEveryMs).unref();
    cleanups.push(() => clearInterval(pruneTimer));

    const https = config.publicUrl?.startsWith('https:') ?? false;
    const frontDoor: FrontDoorHolder = {};
    const app = createHttpApp({
      frontDoor,
      context,
      tenants,
      trustedProxies: new Set(config.trustedProxies),
      https,
      publicUrl: config.publicUrl,
      distDir: config.distDir,
      hostedPages,
      log,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const started = serve(
        {
          fetch: app.fetch,
          port: config.port,
          hostname: config.host,
          serverOptions: {
            // docs/security.md#rule-24; the check runs every second so a slow client goes promptly.
            headersTimeout: 10_000,
            requestTimeout: 30_000,
            connectionsCheckingInterval: 1_000,
          },
        },
        () => resolve(started),
      );
      started.once('error', reject);
    });
    if ('keepAliveTimeout' in server) server.keepAliveTimeout = 5_000;
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
    );
    const { port } = server.address() as AddressInfo;
    const internalBase = serverBase({ ...config, publicUrl: undefined }, port);
    const publicBase = serverBase(config, port);
    const openDoor = async (doorSecrets: typeof secrets) => {
      const opened = await openFrontDoor({
        db,
        clock,
        tenants,
        pages: hostedPages,
        publicBase,
        https,
        log,
        secrets: doorSecrets,
        keyRefreshMs: config.signingKeyRefreshSeconds * 1000,
      });
      return {
        frontDoor: opened,
        runNow: runNow({ frontDoor: opened, pages: hostedPages, publicBase, internalBase }),
      };
    };
    Object.assign(frontDoor, await openDoor(secrets));
    cleanups.push(() => frontDoor.frontDoor?.close());
    await warnEmptyResetGroups(db, tenants, log);

    const reloadSettings = async () => {
      let next: Awaited<ReturnType<typeof loadTenants>>;
      let nextPages: Awaited<ReturnType<typeof loadHostedPages>>;
      let nextSecrets: typeof secrets;
      try {
        next = await loadTenants(config.tenantsDir);
        nextSecrets = clientSecrets(next, config.tenantsDir, process.env);
        nextPages = await loadHostedPages(config.distDir, next, log);
      } catch (error) {
        logRefusal(log, error);
        return false;
      }
      // Tenants and pages change together, synchronously; the front door follows once it is built.
      const previous = new Map(tenants);
      tenants.clear();
      for (const [id, tenant] of next) tenants.set(id, tenant);
      const previousPages = swappable.swap(nextPages);
      const before = frontDoor.frontDoor;
      try {
        Object.assign(frontDoor, await openDoor(nextSecrets));
      } catch (error) {
        tenants.clear();
        for (const [id, tenant] of previous) tenants.set(id, tenant);
        swappable.swap(previousPages);
        logRefusal(log, error);
        return false;
      }
      before?.close();
      log.info('settings_reloaded', { tenants: [...tenants.keys()].join(', ') });
      await warnEmptyResetGroups(db, tenants, log);
      return true;
    };

    if (storage.database.kind === 'embedded') {
      const secret = await loadSecret(config.dataDir, adminSecretFile, 'ADMIN_SECRET', undefined);
      const admin = await startAdminEndpoint(
        { db, tenants, clock, mailer },
        config.dataDir,
        secret.toString('hex'),
        log,
      );
      cleanups.push(() => admin.close());
    }
    // Messages queued before this start (by this instance before a crash, or by another) go too.
    mailer.start();
    log.info('started', { port, storage: db.kind, mail: transport.kind });
    return {
      url: internalBase,
      storage: db.kind,
      mail: transport.kind,
      demoUsers,
      reloadSettings,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
