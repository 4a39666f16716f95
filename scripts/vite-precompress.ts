/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, so that
 * the server answers with compressed bytes without compressing on each request (hono's
 * `serveStatic({ precompressed: true })` picks the copy the browser accepts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What the server hands out as static files (index.html it sends itself, from memory). */
const compressible = /^(?:assets|themes)\/.*\.(?:js|css|json|svg)$/;

export function compress(source: Uint8Array) {
  return {
    br: brotliCompressSync(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
      },
    }),
    gz: gzipSync(source, { level: 9 }),
  };
}

export function precompress(): Plugin {
  return {
    name: 'gatehouse-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const writes: Promise<void>[] = [];
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!compressible.test(fileName)) continue;
        const source =
          output.type === 'chunk'
            ? Buffer.from(output.code)
            : typeof output.source === 'string'
              ? Buffer.from(output.source)
              : output.source;
        for (const [extension, bytes] of Object.entries(compress(source))) {
          // A copy that is no smaller than the file only costs a disk read.
          if (bytes.byteLength < source.byteLength) {
            writes.push(writeFile(join(dir, `${fileName}.${extension}`), bytes));
          }
        }
      }
      await Promise.all(writes);
    },
  };
}
