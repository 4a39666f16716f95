/**
 * Where an embedded `<gate-app>` finds Gatehouse: its `server` attribute (an origin, or a base
 * URL ending in `/`), else the page's own address (docs/embedding.md).
 */
import type { AppHost } from './app-host.js';

/** `path` on Gatehouse's server. */
export const onServer = (host: Pick<AppHost, 'server'>, path: string) =>
  new URL(path, host.server || document.baseURI);
