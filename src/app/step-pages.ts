import type { StepId } from '../flow/flow-state.js';

/**
 * Where each step's element lives; loaded, it is defined. Only sign-in is in the first-load
 * script; the others load on demand (and are fetched ahead while the user reads the first page).
 */
export const stepPages = {
  'sign-in': () => import('../pages/sign-in-page.js'),
  'confirm-email': () => import('../pages/confirm-email-page.js'),
  'confirm-code': () => import('../pages/reset-code-page.js'),
  'signed-in': () => import('../pages/signed-in-page.js'),
  'reset-email': () => import('../pages/reset-email-page.js'),
  'reset-code': () => import('../pages/reset-code-page.js'),
  'new-password': () => import('../pages/new-password-page.js'),
  'reset-done': () => import('../pages/reset-done-page.js'),
  'change-password': () => import('../pages/change-password-page.js'),
  'password-changed': () => import('../pages/password-changed-page.js'),
  'reset-unavailable': () => import('../pages/reset-unavailable-page.js'),
  error: () => import('../pages/error-page.js'),
} as const satisfies Record<Exclude<StepId, 'redirect'>, () => Promise<unknown>>;
