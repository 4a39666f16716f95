// Test-server middleware for the theme tests: resolved packs as the build emits them, and raw
// files for the tests that read packs and sources themselves (the esbuild plugin would turn a
// plain .json or .ts request into a JavaScript module).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, normalize, relative, sep } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const { resolvedPackResponse } = await tsImport('../../scripts/theme-packs.ts', import.meta.url);

/** `GET /themes/<id>.json`: the resolved pack, as in Vite dev mode and the production build. */
export async function themePacks(context, next) {
  const answer = await resolvedPackResponse(context.path, '/themes/');
  if (!answer) return next();
  context.status = answer.status;
  context.type = 'application/json';
  context.body = answer.body;
}

const rawPrefix = '/__raw/';
const rawRoots = ['themes', 'test/fixtures/themes', 'src'];

async function filesUnder(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      relative(process.cwd(), join(entry.parentPath, entry.name)).split(sep).join('/'),
    )
    .sort();
}

/**
 * `GET /__raw/<path>`: the bytes of a file under themes/, test/fixtures/themes/ or src/, or for a
 * folder the JSON list of the files in it. A missing file is 204, not 404: the resolver probes for
 * optional files, and the runner would list every 404 as a problem.
 */
export async function rawFiles(context, next) {
  if (!context.path.startsWith(rawPrefix)) return next();
  const path = normalize(decodeURIComponent(context.path.slice(rawPrefix.length)))
    .split(sep)
    .join('/');
  if (!rawRoots.some((root) => path === root || path.startsWith(`${root}/`))) {
    context.status = 403;
    return;
  }
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    context.status = 204;
  } else if (info.isDirectory()) {
    context.type = 'application/json';
    context.body = JSON.stringify(await filesUnder(path));
  } else {
    context.type = 'application/octet-stream';
    context.body = await readFile(path);
  }
}
