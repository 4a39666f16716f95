/**
 * The pack a brand team edits in the studio, as the files it will be saved as: the manifest and
 * the text per locale, and the files dropped in. It is checked with the resolver theme:check uses, over a source that reads
 * the draft's files from memory and every other file (parents, assets) from the dev server.
 */
import { parseColor, toHex } from '../theme/pack/color.js';
import type { ThemeSource } from '../theme/pack/read-pack-chain.js';
import { resolveThemePack } from '../theme/pack/resolve-theme.js';
import { withAssetUrls } from '../theme/runtime/asset-urls.js';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import { themeLocales, type ThemeLocale } from '../theme/theme-text.schema.js';
import { fontFamilyProblem, lengthProblem } from '../theme/theme-token-checks.js';
import { themeTokenNames, themeTokens, type ThemeTokenName } from '../theme/theme-tokens.js';

export const themesDir = 'themes';

export interface PackDraft {
  id: string;
  /** The pack a new pack was copied from: its assets are copied on Save. */
  copyFrom?: string;
  manifest: Record<string, unknown> & { tokens?: Record<string, string> };
  text: Partial<Record<ThemeLocale, Record<string, unknown>>>;
  /** Files dropped into the studio, by their path in the pack (`assets/banner-logo.png`). */
  files?: Record<string, DraftFile>;
}

/** A dropped file: its bytes for the checks and Save, and an object URL for the previews. */
export interface DraftFile {
  bytes: Uint8Array;
  url: string;
}

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(`/${path}`, { cache: 'no-store' });
  const type = response.headers.get('content-type') ?? '';
  return response.ok && type.includes('json') ? response.json() : undefined;
}

async function fetchBytes(path: string): Promise<Uint8Array | undefined> {
  const response = await fetch(`/${path}`, { cache: 'no-store' });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || type.includes('text/html')) return undefined;
  return new Uint8Array(await response.arrayBuffer());
}

/** Pack `id` as it is on disk. */
export async function loadDraft(id: string): Promise<PackDraft> {
  const manifest = (await fetchJson(`${themesDir}/${id}/theme.json`)) as PackDraft['manifest'];
  const text: PackDraft['text'] = {};
  for (const locale of themeLocales) {
    const data = await fetchJson(`${themesDir}/${id}/text/${locale}.json`);
    if (data !== undefined) text[locale] = data as Record<string, unknown>;
  }
  return { id, manifest, text };
}

/** A new pack `id`: a copy of `from`, with its own id and name. */
export function copyDraft(from: PackDraft, id: string): PackDraft {
  return {
    id,
    copyFrom: from.copyFrom ?? from.id,
    manifest: { ...structuredClone(from.manifest), id, name: id },
    text: structuredClone(from.text),
    files: { ...from.files },
  };
}

function draftSource(draft: PackDraft): ThemeSource {
  const own = `${themesDir}/${draft.id}/`;
  const encode = (data: unknown) => new TextEncoder().encode(JSON.stringify(data));
  return {
    dir: themesDir,
    read: async (path) => {
      if (path === `${own}theme.json`) return encode(draft.manifest);
      const locale = /^text\/([a-z]+)\.json$/.exec(path.slice(own.length))?.[1];
      if (path.startsWith(own) && locale) {
        const text = draft.text[locale as ThemeLocale];
        return text === undefined ? undefined : encode(text);
      }
      const dropped = path.startsWith(own) ? draft.files?.[path.slice(own.length)] : undefined;
      if (dropped) return dropped.bytes;
      if (path.startsWith(`${own}assets/`) && draft.copyFrom) {
        return fetchBytes(`${themesDir}/${draft.copyFrom}/${path.slice(own.length)}`);
      }
      return fetchBytes(path);
    },
  };
}

export interface DraftCheck {
  /** Every problem, as theme:check prints it. */
  problems: string[];
  /** The pack as the pages would show it; with problems, the last good one with the draft's valid values over it. */
  theme: ResolvedTheme | undefined;
}

function tokenAccepted(name: ThemeTokenName, value: string): boolean {
  const spec = themeTokens[name];
  if (spec.kind === 'color') return parseColor(value) !== undefined;
  if (spec.kind === 'font-family') return !fontFamilyProblem(value);
  return !lengthProblem(value, spec);
}

export async function checkDraft(draft: PackDraft, lastGood?: ResolvedTheme): Promise<DraftCheck> {
  const result = await resolveThemePack(draft.id, draftSource(draft));
  if (result.ok) return { problems: [], theme: result.value };
  if (!lastGood) return { problems: result.failure, theme: undefined };
  const tokens = { ...lastGood.tokens };
  for (const name of themeTokenNames) {
    const value = draft.manifest.tokens?.[name];
    if (typeof value === 'string' && tokenAccepted(name, value)) {
      tokens[name] = themeTokens[name].kind === 'color' ? toHex(parseColor(value)!) : value;
    }
  }
  return { problems: result.failure, theme: { ...lastGood, tokens } };
}

/** The manifest's file, as problems name it. */
export const manifestFile = (draft: PackDraft) => `${themesDir}/${draft.id}/theme.json`;

/** The problems at one field: `file: field: message` lines whose file and field match. */
export function problemsAt(problems: readonly string[], file: string, field: string): string[] {
  const prefix = `${file}: ${field}: `;
  return problems
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length));
}

/** The files of the draft as Save sends them: name in `assets/` to base64. */
function filesToSend(draft: PackDraft): Record<string, string> {
  return Object.fromEntries(
    Object.entries(draft.files ?? {}).map(([path, file]) => [
      path.slice('assets/'.length),
      toBase64(file.bytes),
    ]),
  );
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Save: the dev server writes `themes/<id>/` if the pack passes every check, else says why not. */
export async function saveDraft(draft: PackDraft): Promise<{ ok: boolean; errors: string[] }> {
  const response = await fetch('/__studio/save', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: draft.id,
      copyFrom: draft.copyFrom,
      manifest: draft.manifest,
      text: draft.text,
      files: filesToSend(draft),
    }),
  });
  const answer = (await response.json()) as { errors: string[] };
  return { ok: response.ok, errors: answer.errors };
}

/**
 * The resolved pack with the URLs the previews load: a dropped file's object URL, else the file on
 * the dev server (a copy's own files are still in the pack it was copied from).
 */
export function previewTheme(theme: ResolvedTheme, draft: PackDraft): ResolvedTheme {
  return withAssetUrls(theme, (path) => {
    const [pack, ...rest] = path.split('/');
    const dropped = pack === draft.id ? draft.files?.[rest.join('/')] : undefined;
    const owner = pack === draft.id && draft.copyFrom ? draft.copyFrom : pack;
    return dropped?.url ?? `/${themesDir}/${owner}/${rest.join('/')}`;
  });
}
