/**
 * The elements' manifest (custom-elements.json), made by @custom-elements-manifest/analyzer from
 * the JSDoc the elements and events carry (custom-elements-manifest.config.js). The package ships
 * it (scripts/build-lib.ts) and docs/elements.md is written from it (scripts/element-docs.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface Described {
  name: string;
  description?: string;
}

export interface ManifestAttribute extends Described {
  fieldName?: string;
  type?: { text: string };
  default?: string;
}

export interface ManifestMember extends ManifestAttribute {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: 'private' | 'protected' | 'public';
  attribute?: string;
}

export interface ManifestDeclaration extends Described {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: Partial<Described>[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}

export interface ElementsManifest {
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

/** The manifest's text, as the analyzer writes it (paths name the sources). */
export async function analyzeElements(): Promise<string> {
  // The analyzer writes below the working directory, whatever `--outdir` says.
  const scratch = await mkdtemp(join(process.cwd(), '.cem-'));
  try {
    await run('./node_modules/.bin/cem', ['analyze', '--outdir', relative(process.cwd(), scratch)]);
    return await readFile(join(scratch, 'custom-elements.json'), 'utf8');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
