/**
 * PGlite serves one process at a time, so while the server holds the embedded database the admin
 * CLI asks the server to run its command. The endpoint listens on loopback only, on a port of the
 * system's choosing, and wants the secret from DATA_DIR; where it is goes into DATA_DIR too.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { errorFields, type Logger } from '../log.js';
import { runAdminCommand } from './admin-commands.js';
import { adminRequestSchema, type AdminDeps } from './admin-request.schema.js';

export const adminEndpointFile = (dataDir: string) => join(dataDir, 'admin-endpoint.json');
export const adminSecretFile = 'admin.secret';

const digest = (value: string) => createHash('sha256').update(value).digest();

export async function startAdminEndpoint(
  deps: AdminDeps,
  dataDir: string,
  secret: string,
  log: Logger,
): Promise<{ close(): Promise<void> }> {
  const app = new Hono();
  app.post('/admin', async (c) => {
    const given = (c.req.header('authorization') ?? '').replace(/^Bearer /, '');
    if (!timingSafeEqual(digest(given), digest(secret))) {
      return c.json({ ok: false, error: 'Wrong admin secret' }, 401);
    }
    const parsed = adminRequestSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ ok: false, error: 'Not an admin command' }, 400);
    try {
      const result = await runAdminCommand(deps, parsed.data);
      log.info('admin_command', {
        command: parsed.data.command,
        tenant: 'tenant' in parsed.data ? parsed.data.tenant : undefined,
        ok: result.ok,
      });
      return c.json(result);
    } catch (error) {
      log.error('admin_command_failed', { command: parsed.data.command, ...errorFields(error) });
      return c.json({ ok: false, error: 'The command failed; see the server log' }, 500);
    }
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  const file = adminEndpointFile(dataDir);
  await writeFile(
    file,
    JSON.stringify({ url: `http://127.0.0.1:${port}/admin`, pid: process.pid }),
    { mode: 0o600 },
  );
  return {
    async close() {
      await rm(file, { force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
