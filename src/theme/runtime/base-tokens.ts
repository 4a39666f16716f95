import { css } from 'lit';

/**
 * The base theme: every design token a Gatehouse page reads, with its neutral default
 * (themes/default/theme.json holds the same values; a test keeps them in step).
 * The layer order is declared here, first: theme packs (`gate-theme`) override these defaults
 * (`gate-base`), and a host page's own unlayered CSS overrides both.
 */
export const baseTokens = css`
  @layer gate-base, gate-theme;
  @layer gate-base {
    :where(:root),
    :where(gate-app) {
      --gate-color-brand: #0b5cad;
      --gate-color-on-brand: #ffffff;
      --gate-color-background: #f3f4f6;
      --gate-color-surface: #ffffff;
      --gate-color-text: #1b1f24;
      --gate-color-text-quiet: #4b5563;
      --gate-color-border: #6b7280;
      --gate-color-error: #b3261e;
      --gate-color-success: #1e7a3c;
      --gate-color-focus: #0b5cad;
      --gate-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      --gate-font-size: 1rem;
      --gate-font-size-heading: 1.5rem;
      --gate-radius: 6px;
      --gate-space-1: 0.25rem;
      --gate-space-2: 0.5rem;
      --gate-space-3: 0.75rem;
      --gate-space-4: 1rem;
      --gate-space-6: 1.5rem;
      --gate-card-width: 26rem;
      --gate-background-image: none;
    }
  }
`;
