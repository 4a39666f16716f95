/**
 * The server as plain JavaScript (dist-server/main.js), for `npm start`, `npm run serve`, the
 * end-to-end tests and the benchmark: node runs it without a TypeScript loader, whose transpiler
 * state cost the running server about 80 MB. Packages stay in node_modules; only our code is
 * bundled.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverOutDir = 'dist-server';
export const serverEntry = `${serverOutDir}/main.js`;

export async function buildServer(): Promise<void> {
  await build({
    entryPoints: ['src/server/main.ts'],
    outdir: serverOutDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildServer().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
