/**
 * The server as plain JavaScript (dist-server/main.js), for `npm start`, `npm run serve`, the
 * end-to-end tests and the benchmark: node runs it without a TypeScript loader, whose transpiler
 * state cost the running server memory (docs/performance.md#memory). Packages stay in
 * node_modules; only our code is bundled.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverOutDir = 'dist-server';
const serverEntry = `${serverOutDir}/main.js`;

/**
 * How node runs the server, here and in package.json's `serve` (a test keeps the two the same).
 * Under load V8 grows its heap far beyond the part of it that is live. These caps hold the
 * process within its memory goal; the extra collections cost few requests a second (figures in
 * docs/performance.md#memory).
 */
export const serverArguments = ['--max-old-space-size=96', '--max-semi-space-size=8', serverEntry];

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
