import type { ReactiveControllerHost } from 'lit';
import type { TenantConfig } from '../api/contract.schema.js';

/** What `<gate-app>`'s controllers read of their element: its properties. */
export interface AppHost extends ReactiveControllerHost, HTMLElement {
  tenant: string;
  policy: string;
  apiBase: string;
  server: string;
  authorizationUrl: string;
  loginHint: string;
  redirectUri: string | undefined;
  routing: 'history' | 'none';
  theme: string;
  themes: string[];
  preloadedConfig: TenantConfig | undefined;
}
