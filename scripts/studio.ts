/**
 * `npm run studio`: the brand studio, a page served by Vite against the mock API (no server, no
 * database). Prints its URL. `STUDIO_PORT` picks the port (default 5174; the next free one when
 * taken).
 */
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer } from 'vite';
import { studioEndpoints } from './vite-studio.js';

export async function startStudio(
  port = Number(process.env.STUDIO_PORT ?? 5174),
  saveDir?: string,
) {
  const server = await createServer({
    mode: 'mock',
    plugins: [studioEndpoints(saveDir)],
    server: { port, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  await server.listen();
  const address = server.httpServer!.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${address.port}/studio.html` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await startStudio();
  console.log(`Gatehouse brand studio: ${url}`);
}
