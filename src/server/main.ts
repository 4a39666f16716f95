/**
 * `npm run serve` (and the end of `npm start`): the reference server, configured by the
 * environment (docs/server.md#environment), until SIGINT or SIGTERM; SIGHUP reloads the tenants.
 */
import { readServerConfig } from './config.js';
import { startGatehouse, type Gatehouse } from './gatehouse.js';
import { loadTenants } from './tenants.js';

async function banner(gatehouse: Gatehouse, base: string, tenantsDir: string, dataDir: string) {
  const tenants = [...(await loadTenants(tenantsDir)).values()];
  const lines = [
    '',
    `Gatehouse is running on ${base}`,
    ...tenants.flatMap((tenant) => [
      `  ${tenant.displayName}: ${base}/${tenant.id}/${tenant.policies[0]!.id}`,
      ...(tenant.runNow
        ? tenant.policies.map(
            (policy) => `    Run now ${policy.id}: ${base}/${tenant.id}/${policy.id}/run-now`,
          )
        : []),
    ]),
    `  storage: ${gatehouse.storage === 'embedded' ? `embedded PostgreSQL (PGlite) in ${dataDir}/pglite` : 'PostgreSQL (DATABASE_URL)'}`,
    `  email: ${gatehouse.mail === 'smtp' ? 'SMTP (SMTP_URL)' : `no SMTP_URL, so each message is written to ${dataDir}/outbox/ as an .eml file (its subject and recipient are logged)`}`,
  ];
  if (gatehouse.demoUsers.length > 0) {
    lines.push('  Demo accounts, created on this first start:');
    const width = Math.max(...gatehouse.demoUsers.map((user) => user.email.length));
    for (const user of gatehouse.demoUsers) {
      lines.push(`    ${user.tenant.padEnd(9)} ${user.email.padEnd(width)}  ${user.password}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function main() {
  const config = readServerConfig(process.env);
  // Tenant files changed: validated whole, then served without a restart
  // (docs/server.md#changing-settings). Listening from the first moment, so that an early SIGHUP
  // never ends the process (its default); the start reads the files anyway.
  const running: { gatehouse?: Gatehouse } = {};
  process.on('SIGHUP', () => void running.gatehouse?.reloadSettings());
  const gatehouse = await startGatehouse({ config });
  running.gatehouse = gatehouse;
  await banner(
    gatehouse,
    config.publicUrl?.replace(/\/+$/, '') ?? gatehouse.url,
    config.tenantsDir,
    config.dataDir,
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // Everything the server holds is closed, so node ends by itself once the last close is done.
      void gatehouse.close();
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`gatehouse: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
