/**
 * The hostile markup tests plant sets `window.__gateXss = 1` instead of calling `alert`: an alert
 * would block the page until the run times out saying nothing, where the flag fails the test at
 * once and says what ran.
 */
declare global {
  interface Window {
    __gateXss?: number;
  }
}

/** Fails when a planted payload ran, once an `<img src=x onerror>` has had time to fail to load. */
export async function expectNoXss(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  if (window.__gateXss !== undefined) {
    throw new Error('a planted script ran: window.__gateXss is set (markup rendered as HTML)');
  }
}
