/**
 * The brand studio's requests to its dev server: the list of packs, the emails' preview
 * (scripts/studio-emails.ts), and Save. Save writes
 * `themes/<id>/` (theme.json, text/<locale>.json, the files dropped into the studio, and a copied
 * pack's assets) and nothing else,
 * and only after the pack, written to a scratch folder first, passes every check theme:check
 * runs: a broken pack is never saved.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { assetRules, maxFontBytes } from '../src/theme/pack/asset-checks.js';
import { formatBytes } from '../src/theme/pack/read-pack-chain.js';
import { themeIdPattern } from '../src/theme/pack-fields.js';
import { themeLocales } from '../src/theme/theme-text.schema.js';
import { checkPacks, packIds, shippedThemesDir } from './theme-packs.js';
import type { EmailPreviewRequest } from '../src/studio/email-preview.js';
import { previewEmails } from './studio-emails.js';

/** What Save sends: the files a brand team edits, as data. */
interface SaveRequest {
  id: string;
  /** A pack whose assets a new pack copies. */
  copyFrom?: string;
  manifest: unknown;
  text: Partial<Record<string, unknown>>;
  /** Files dropped into the studio: name in the pack's `assets/` to base64. */
  files?: Record<string, string>;
}

/** Room for the largest pack: its images and brand fonts at their limits, as base64. */
const maxBody = 2 * 1024 * 1024;
/** A plain name in `assets/`: no folder, no dots but the extension, an extension a pack may use. */
const assetFileName = /^[a-z0-9][a-z0-9_-]{0,62}\.(svg|png|jpe?g|woff2)$/;
const largestImage = Math.max(...Object.values(assetRules).map((rule) => rule.maxBytes));

/** Why a dropped file cannot be saved, before any check of the pack: its name or its size. */
function fileErrors(files: Record<string, unknown>): string[] {
  return Object.entries(files).flatMap(([name, data]) => {
    const extension = assetFileName.exec(name)?.[1];
    if (!extension) {
      return [`${JSON.stringify(name)}: not a file name a pack may use in assets/`];
    }
    if (typeof data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
      return [`${name}: not base64`];
    }
    const limit = extension === 'woff2' ? maxFontBytes : largestImage;
    const bytes = Buffer.byteLength(data, 'base64');
    return bytes > limit
      ? [`${name}: is ${formatBytes(bytes)}; at most ${formatBytes(limit)}`]
      : [];
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > maxBody) fail(new Error('too large'));
    });
    request.on('end', () => done(body));
    request.on('error', fail);
  });
}

function answer(response: ServerResponse, status: number, body: unknown) {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(body));
}

function parseSave(body: string): SaveRequest | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  const request = data as Partial<SaveRequest> | null;
  if (typeof request?.id !== 'string' || !themeIdPattern.test(request.id)) return undefined;
  if (request.copyFrom !== undefined && !themeIdPattern.test(String(request.copyFrom))) {
    return undefined;
  }
  if (typeof request.text !== 'object' || request.text === null) return undefined;
  const locales = Object.keys(request.text);
  if (!locales.every((locale) => (themeLocales as readonly string[]).includes(locale))) {
    return undefined;
  }
  if (
    request.files !== undefined &&
    (typeof request.files !== 'object' || request.files === null)
  ) {
    return undefined;
  }
  return request as SaveRequest;
}

/** Writes the pack's files into `<dir>/<id>/`; the folder is emptied of old text files first. */
async function writePack(dir: string, request: SaveRequest, root: string) {
  const folder = join(dir, request.id);
  await mkdir(join(folder, 'text'), { recursive: true });
  if (request.copyFrom && request.copyFrom !== request.id) {
    const assets = join(root, shippedThemesDir, request.copyFrom, 'assets');
    if ((await readdir(assets).catch(() => [])).length > 0) {
      await cp(assets, join(folder, 'assets'), { recursive: true });
    }
  }
  if (request.files && Object.keys(request.files).length > 0) {
    await mkdir(join(folder, 'assets'), { recursive: true });
    for (const [name, data] of Object.entries(request.files)) {
      await writeFile(join(folder, 'assets', name), Buffer.from(data, 'base64'));
    }
  }
  await writeFile(join(folder, 'theme.json'), `${JSON.stringify(request.manifest, null, 2)}\n`);
  for (const locale of themeLocales) {
    const file = join(folder, 'text', `${locale}.json`);
    const text = request.text[locale];
    if (text === undefined) await rm(file, { force: true });
    else await writeFile(file, `${JSON.stringify(text, null, 2)}\n`);
  }
}

async function save(request: SaveRequest, root: string, saveDir: string): Promise<string[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'gatehouse-studio-'));
  try {
    await writePack(scratch, request, root);
    // The scratch copy of a pack being edited in place keeps its own assets.
    const own = join(root, shippedThemesDir, request.id, 'assets');
    if ((await readdir(own).catch(() => [])).length > 0) {
      await cp(own, join(scratch, request.id, 'assets'), { recursive: true, force: false });
    }
    const { errors } = await checkPacks(scratch, [request.id], root);
    if (errors.length > 0) {
      return errors.map((error) => error.replaceAll(scratch, shippedThemesDir));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const themes = resolve(root, saveDir);
  // The one place this server writes: a folder inside themes/ named by a checked pack id.
  if (!resolve(themes, request.id).startsWith(themes + sep)) return ['refused'];
  await writePack(themes, request, root);
  return [];
}

/** `saveDir`: where Save writes packs, `themes` unless a test points it elsewhere. */
export function studioEndpoints(saveDir = shippedThemesDir): Plugin {
  let root = process.cwd();
  return {
    name: 'gatehouse-studio',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use('/__studio/packs', (_request, response) => {
        packIds(shippedThemesDir, root).then(
          (packs) => answer(response, 200, { packs }),
          () => answer(response, 500, { errors: ['no themes folder'] }),
        );
      });
      server.middlewares.use('/__studio/emails', (request, response) => {
        if (request.method !== 'POST') return answer(response, 405, { errors: ['POST only'] });
        readBody(request)
          .then(async (body) => {
            const preview = await previewEmails(root, JSON.parse(body) as EmailPreviewRequest);
            answer(response, 'errors' in preview ? 400 : 200, preview);
          })
          .catch((error: Error) => answer(response, 400, { errors: [error.message] }));
      });
      server.middlewares.use('/__studio/save', (request, response) => {
        if (request.method !== 'POST') return answer(response, 405, { errors: ['POST only'] });
        readBody(request)
          .then(async (body) => {
            const parsed = parseSave(body);
            if (!parsed) return answer(response, 400, { errors: ['not a pack to save'] });
            const refused = fileErrors(parsed.files ?? {});
            if (refused.length > 0) return answer(response, 400, { errors: refused });
            const errors = await save(parsed, root, saveDir);
            answer(response, errors.length > 0 ? 422 : 200, { errors });
          })
          .catch((error: Error) => answer(response, 400, { errors: [error.message] }));
      });
    },
  };
}
