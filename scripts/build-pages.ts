/**
 * The first half of `npm start`: a production build of the pages (`vite build`, never the mock
 * build) when dist/ is missing, is a mock build, or is older than anything it is built from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const inputs = [
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'src',
  'themes',
  'locales',
  'scripts',
];
/** Server code is not part of the pages. */
const ignored = new Set(['src/server', 'node_modules']);

function newestChange(path: string): number {
  if (ignored.has(path) || !existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(path).map((name) => newestChange(join(path, name))),
  );
}

/** Why dist/ needs a build, or undefined when it is current. */
export function staleReason(distDir: string): string | undefined {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return `${index} is missing`;
  if (existsSync(join(distDir, 'mockServiceWorker.js'))) return `${distDir} holds a mock build`;
  const built = statSync(index).mtimeMs;
  const changed = inputs.find((input) => newestChange(input) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

export function buildPagesIfStale(distDir = 'dist'): void {
  const reason = staleReason(distDir);
  if (!reason) return;
  process.stdout.write(`Building the pages (${reason})…\n`);
  const build = spawnSync(
    './node_modules/.bin/vite',
    ['build', '--outDir', distDir, '--emptyOutDir'],
    {
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) {
    throw new Error(`vite build failed (exit ${build.status ?? build.signal})`);
  }
}

// Run as a script by `npm start`; imported by the tests.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildPagesIfStale(process.env.DIST_DIR || 'dist');
  } catch (error) {
    process.stderr.write(`gatehouse: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
