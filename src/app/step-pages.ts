import type { StepId } from '../flow/flow-state.js';

/**
 * The element of each step and where it lives. Only sign-in is in the first-load script; the
 * others load on demand (and are fetched ahead while the user reads the first page).
 */
export const stepPages = {
  'sign-in': ['gate-sign-in-page', () => import('../pages/sign-in-page.js')],
  'confirm-email': ['gate-confirm-email-page', () => import('../pages/confirm-email-page.js')],
  'confirm-code': ['gate-reset-code-page', () => import('../pages/reset-code-page.js')],
  'signed-in': ['gate-signed-in-page', () => import('../pages/signed-in-page.js')],
  'reset-email': ['gate-reset-email-page', () => import('../pages/reset-email-page.js')],
  'reset-code': ['gate-reset-code-page', () => import('../pages/reset-code-page.js')],
  'new-password': ['gate-new-password-page', () => import('../pages/new-password-page.js')],
  'reset-done': ['gate-reset-done-page', () => import('../pages/reset-done-page.js')],
  'change-password': [
    'gate-change-password-page',
    () => import('../pages/change-password-page.js'),
  ],
  'password-changed': [
    'gate-password-changed-page',
    () => import('../pages/password-changed-page.js'),
  ],
  'reset-unavailable': [
    'gate-reset-unavailable-page',
    () => import('../pages/reset-unavailable-page.js'),
  ],
  error: ['gate-error-page', () => import('../pages/error-page.js')],
} as const satisfies Record<Exclude<StepId, 'redirect'>, readonly [string, () => Promise<unknown>]>;
