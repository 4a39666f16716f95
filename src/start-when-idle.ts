/**
 * The hosted page's script tag. The server's form is usable before any script runs (it posts
 * natively), so the app waits for the user: it loads once the page has painted and gone idle, or
 * at the first sign of input, whichever comes first, and then takes over what was typed
 * (app/takeover-controller.ts).
 */
const inputs = ['pointerdown', 'keydown', 'focusin', 'touchstart'] as const;

let started = false;
function start() {
  if (started) return;
  started = true;
  for (const type of inputs) removeEventListener(type, start, true);
  void import('./main.js');
}

for (const type of inputs) addEventListener(type, start, { capture: true, passive: true });
// After the first frame, then at the first idle moment (Safari has no requestIdleCallback).
requestAnimationFrame(() =>
  setTimeout(() => ('requestIdleCallback' in self ? requestIdleCallback(start) : start())),
);
