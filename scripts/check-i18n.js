// Fails when the XLIFF files' English text is not the code's (a message changed without
// `lit-localize extract`, so its translations are stale), or when the generated locale modules are
// not what `lit-localize build` makes from the current sources and XLIFF files. Extracts and builds
// into a temporary folder, so a working tree that is current passes whether or not its changes are
// committed, and nothing in the tree is touched.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleSources } from './xliff-sources.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const fresh = mkdtempSync(join(tmpdir(), 'gatehouse-i18n-'));

/** Each generated file as [name, path in the tree, path of the fresh build]. */
function generatedFiles(outputDir, localeCodesModule) {
  const committedDir = resolve(root, config.output.outputDir);
  const names = new Set([
    ...(existsSync(committedDir) ? readdirSync(committedDir) : []),
    ...readdirSync(outputDir),
  ]);
  return [
    [
      config.output.localeCodesModule,
      resolve(root, config.output.localeCodesModule),
      localeCodesModule,
    ],
    ...[...names].map((name) => [
      join(config.output.outputDir, name),
      join(committedDir, name),
      join(outputDir, name),
    ]),
  ];
}

const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** The ids, per XLIFF file, whose <source> differs from what `lit-localize extract` makes now. */
function staleXliff() {
  const xliffDir = resolve(root, config.interchange.xliffDir);
  const extractDir = join(fresh, 'xliff');
  cpSync(xliffDir, extractDir, { recursive: true });
  const extractConfig = {
    ...config,
    tsConfig: resolve(root, config.tsConfig),
    interchange: { ...config.interchange, xliffDir: extractDir },
  };
  writeFileSync(join(fresh, 'extract.json'), JSON.stringify(extractConfig));
  execFileSync(
    join(root, 'node_modules/.bin/lit-localize'),
    ['extract', `--config=${join(fresh, 'extract.json')}`],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return config.targetLocales.flatMap((locale) => {
    const file = `${locale}.xlf`;
    const ids = staleSources(
      readFileSync(join(extractDir, file), 'utf8'),
      readFileSync(join(xliffDir, file), 'utf8'),
    );
    return ids.length > 0 ? [`${join(config.interchange.xliffDir, file)}: ${ids.join(', ')}`] : [];
  });
}

try {
  const staleFiles = staleXliff();
  if (staleFiles.length > 0) {
    console.error('The English text of these messages changed since the last extract:');
    for (const line of staleFiles) console.error(`  ${line}`);
    console.error('Run `npm run i18n:extract`, then translate them again in every locale.');
    process.exitCode = 1;
  }
  const outputDir = join(fresh, 'locales');
  const localeCodesModule = join(fresh, basename(config.output.localeCodesModule));
  const freshConfig = {
    ...config,
    tsConfig: resolve(root, config.tsConfig),
    output: { ...config.output, outputDir, localeCodesModule },
    interchange: { ...config.interchange, xliffDir: resolve(root, config.interchange.xliffDir) },
  };
  writeFileSync(join(fresh, 'lit-localize.json'), JSON.stringify(freshConfig));
  execFileSync(
    join(root, 'node_modules/.bin/lit-localize'),
    ['build', `--config=${join(fresh, 'lit-localize.json')}`],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const stale = generatedFiles(outputDir, localeCodesModule)
    .filter(([, committed, built]) => read(committed) !== read(built))
    .map(([name]) => name);
  if (stale.length > 0) {
    console.error(`Stale generated locale modules: ${stale.join(', ')}`);
    console.error('Run `npm run i18n:build` (after `npm run i18n:extract` for new messages).');
    process.exitCode = 1;
  } else if (staleFiles.length === 0) {
    console.log('Translations and generated locale modules are current.');
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
