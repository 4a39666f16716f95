/**
 * The PNG that emails show as the pack's logo: Gmail and Outlook show no SVG. `vite build` makes
 * it from the banner logo (an SVG drawn at twice its size by resvg, in WebAssembly, with the
 * build machine's fonts for its text; a PNG logo as it is) and emits it where the server's mail
 * reads it (server/built-themes.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const fontDirs = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  '/Library/Fonts',
  '/System/Library/Fonts',
  'C:/Windows/Fonts',
];

async function fontFiles(dir: string, depth = 0): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth < 3) files.push(...(await fontFiles(path, depth + 1)));
    else if (/\.(?:ttf|otf)$/i.test(entry.name)) files.push(path);
  }
  return files;
}

let ready: Promise<{ fontBuffers: Uint8Array[]; families: Record<string, string> }> | undefined;

function setUp() {
  ready ??= (async () => {
    const wasm = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
    await initWasm(await readFile(wasm));
    const files = (await Promise.all(fontDirs.map((dir) => fontFiles(dir)))).flat();
    const has = (name: string) => files.some((file) => file.endsWith(name));
    return {
      fontBuffers: await Promise.all(files.map((file) => readFile(file))),
      // fontdb's generic families name Windows fonts; Linux has metric twins under other names.
      families: {
        ...(has('LiberationSans-Regular.ttf')
          ? { sansSerifFamily: 'Liberation Sans', defaultFontFamily: 'Liberation Sans' }
          : {}),
        ...(has('LiberationSerif-Regular.ttf') ? { serifFamily: 'Liberation Serif' } : {}),
      },
    };
  })();
  return ready;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47];

/** The logo as a PNG: `bytes` itself when it is one, else the SVG drawn at `scale` times its size. */
export async function mailLogoPng(bytes: Uint8Array, scale = 2): Promise<Uint8Array> {
  if (pngSignature.every((byte, index) => bytes[index] === byte)) return bytes;
  const { fontBuffers, families } = await setUp();
  const svg = new TextDecoder().decode(bytes);
  const width = new Resvg(svg, { font: { fontBuffers, ...families } }).width;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    font: { fontBuffers, ...families },
  });
  const png = resvg.render().asPng();
  resvg.free();
  return png;
}
