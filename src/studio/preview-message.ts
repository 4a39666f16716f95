/** What the studio posts to each preview frame, and the frame's greeting (same origin only). */
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import type { PreviewFailures } from './preview-states.js';

export interface PreviewMessage {
  type: 'gate-studio-preview';
  theme: ResolvedTheme;
  failures: PreviewFailures;
  tenantName: string;
}

/** A frame asks for the current pack when it has loaded. */
export const previewReady = 'gate-studio-preview-ready';
