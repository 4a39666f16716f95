/**
 * `npm run build:lib`: the elements as an installable package in dist-lib/, apart from the hosted
 * page's build (docs/embedding.md). `npm pack ./dist-lib` then makes the tarball.
 *
 * - `.` (src/library/index.ts): ES modules as tsc emits them, with `.d.ts` beside each, for hosts
 *   with a bundler. Importing it registers `<gate-app>`; it reads no boot data and routes nothing.
 * - `./react` (src/library/react.ts): @lit/react wrappers with typed props and event callbacks.
 * - `./bundle`: the same entry with everything inlined, for a page without a bundler.
 * - `./custom-elements.json`: made by @custom-elements-manifest/analyzer from the elements' JSDoc.
 * - The compiled locales are modules of the tree (i18n/generated/), loaded when first needed.
 *
 * The package's dependencies (lit, @lit/localize, zod, @lit/react) travel inside the tarball as
 * bundled dependencies, so that it installs without a registry. The library entry's first load
 * (the bundle's entry and its static imports) is measured against `libraryBudgetBytes` in
 * bench/size-budget.json.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { analyzeElements } from './elements-manifest.js';
import { readBudget } from './size-budget.js';
import { compress } from './vite-precompress.js';

export const libDir = 'dist-lib';
export const packageName = '@gatehouse/elements';
/** What the package needs at run time and for its types; each travels inside the tarball. */
const dependencies = ['lit', '@lit/localize', '@lit/react', 'zod'];

const run = promisify(execFile);

/** `name` and everything it depends on, from the repository's node_modules. */
async function withDependencies(names: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const visit = async (name: string) => {
    if (found.has(name)) return;
    const manifest = JSON.parse(
      await readFile(join('node_modules', name, 'package.json'), 'utf8'),
    ) as { version: string; dependencies?: Record<string, string> };
    found.set(name, manifest.version);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) await visit(dependency);
  };
  for (const name of names) await visit(name);
  return found;
}

/** The analyzer names the sources; the package holds what tsc made of them. */
function manifestForPackage(manifest: string): string {
  return manifest.replace(/"src\/([^"]+)\.ts"/g, '"$1.js"');
}

export interface LibraryFile {
  file: string;
  gzip: number;
}

/** The bundle's entry and the chunks it imports statically: what a plain page loads first. */
export function libraryFirstLoad(metafile: Metafile, entry: string): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(entry);
  return [...files];
}

export async function buildLibrary(outDir = libDir): Promise<LibraryFile[]> {
  await rm(outDir, { recursive: true, force: true });
  await run('./node_modules/.bin/tsc', ['-p', 'tsconfig.lib.json', '--outDir', outDir]);

  const entry = join(outDir, 'bundle/gatehouse.js');
  const { metafile } = await build({
    entryPoints: { gatehouse: join(outDir, 'library/index.js') },
    outdir: join(outDir, 'bundle'),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    metafile: true,
    legalComments: 'none',
    logLevel: 'error',
  });

  await writeFile(
    join(outDir, 'custom-elements.json'),
    manifestForPackage(await analyzeElements()),
  );

  const root = JSON.parse(await readFile('package.json', 'utf8')) as {
    version: string;
    license: string;
  };
  const bundled = await withDependencies(dependencies);
  for (const name of bundled.keys()) {
    await mkdir(join(outDir, 'node_modules', name, '..'), { recursive: true });
    await cp(join('node_modules', name), join(outDir, 'node_modules', name), { recursive: true });
  }
  const types = (path: string) => ({ types: `./${path}.d.ts`, default: `./${path}.js` });
  const pkg = {
    name: packageName,
    version: root.version,
    description: "Gatehouse's sign-in and password-reset elements, for any page on another origin.",
    license: root.license,
    type: 'module',
    exports: {
      '.': types('library/index'),
      './react': types('library/react'),
      './bundle': './bundle/gatehouse.js',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    customElements: 'custom-elements.json',
    dependencies: Object.fromEntries(dependencies.map((name) => [name, bundled.get(name)])),
    bundleDependencies: dependencies,
    peerDependencies: { react: '>=17' },
    peerDependenciesMeta: { react: { optional: true } },
  };
  await writeFile(join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  await cp('LICENSE', join(outDir, 'LICENSE'));
  await writeFile(
    join(outDir, 'README.md'),
    `# ${packageName}\n\nGatehouse's elements for your own pages: \`<gate-app>\` and its React wrapper.\n` +
      'See docs/embedding.md in the Gatehouse repository for installing, attributes, events, ' +
      'styling and cross-origin set-up.\n',
  );

  return Promise.all(
    libraryFirstLoad(metafile, entry).map(async (file) => ({
      file,
      gzip: compress(await readFile(file)).gz.byteLength,
    })),
  );
}

/** `npm pack` of the built package into `destination`; answers the tarball's path. */
export async function packLibrary(destination: string, outDir = libDir): Promise<string> {
  const { stdout } = await run('npm', ['pack', resolve(outDir), '--pack-destination', destination]);
  return join(destination, stdout.trim().split('\n').pop()!);
}

async function main() {
  const files = await buildLibrary();
  const sum = files.reduce((total, file) => total + file.gzip, 0);
  const { libraryBudgetBytes } = await readBudget();
  for (const file of files) {
    process.stdout.write(`${file.file.padEnd(40)} ${file.gzip.toLocaleString('en')} B gzip\n`);
  }
  process.stdout.write(
    `library first load ${sum.toLocaleString('en')} B gzip; budget ${libraryBudgetBytes.toLocaleString('en')} B\n`,
  );
  if (sum > libraryBudgetBytes) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
