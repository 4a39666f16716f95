import type { StepPage } from '../pages/step-page.js';

/**
 * The server's rendering of the hosted page's first step (what it marked `prerendered`), held
 * until the element's own rendering of that step is ready, then replaced by it.
 */
export class TakeoverController {
  #prerendered: ChildNode[] = [];

  constructor(private readonly host: HTMLElement) {}

  /** Keeps what the server rendered into the element; other content is left as it always was. */
  hold() {
    if (this.host.hasAttribute('prerendered')) this.#prerendered = [...this.host.childNodes];
  }

  get holding(): boolean {
    return this.#prerendered.length > 0;
  }

  /**
   * Holding the server's rendering, the first update waits until that has been painted: the
   * update and the takeover after it are a task of some 20 ms, which would come first whenever
   * the script arrives before the first frame.
   */
  async painted() {
    if (this.holding) await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  }

  /**
   * Replaces the server's rendering with the element's own, once `page` has rendered and within
   * the same task, so that no frame shows both or neither. What the user typed (or a password
   * manager filled in) moves to the field of the same id, and so does the focus.
   */
  async release(page: StepPage | undefined) {
    await page?.updateComplete;
    const active = document.activeElement;
    const typed = this.#prerendered.flatMap((node) =>
      node instanceof Element ? [...node.querySelectorAll('input')] : [],
    );
    this.#prerendered.forEach((node) => node.remove());
    this.#prerendered = [];
    for (const field of typed) {
      const input =
        field.id && this.host.querySelector<HTMLInputElement>(`#${CSS.escape(field.id)}`);
      if (!input) continue;
      if (field.value !== field.defaultValue) {
        input.value = field.value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (field === active) {
        input.focus({ preventScroll: true });
        input.setSelectionRange(field.selectionStart, field.selectionEnd);
      }
    }
  }
}
