/**
 * In someone else's page, that page's CSS must not undo the elements' own (host-guard.styles.ts).
 * Imported first by the library entry: `<gate-app>` adopts its styles as soon as it is defined.
 */
import { gateStyles } from '../app/adopt-styles.js';
import { hostGuardStyles } from './host-guard.styles.js';

gateStyles.push(hostGuardStyles);
