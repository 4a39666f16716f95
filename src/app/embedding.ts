/**
 * Where an embedded `<gate-app>` finds Gatehouse: its `server` attribute, else the page's own
 * origin (docs/embedding.md).
 */
import type { AppHost } from './app-host.js';

/** `path` on Gatehouse's server: relative to `server` when set, else to the page. */
export function onServer(host: Pick<AppHost, 'server'>, path: string): URL {
  return new URL(path, host.server ? host.server.replace(/\/?$/, '/') : document.baseURI);
}
