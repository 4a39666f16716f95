/**
 * @testing-library/dom's queries (by role, label and text, as a user finds things).
 * Its ES build imports CommonJS packages the browser cannot load, so the self-contained UMD
 * build is loaded instead and its global re-exported with the package's own types.
 */
import '@testing-library/dom/dist/@testing-library/dom.umd.js';

type TestingLibraryDom = typeof import('@testing-library/dom');

const dom = (globalThis as unknown as { TestingLibraryDom: TestingLibraryDom }).TestingLibraryDom;

// Async queries wait up to 4 s: the mock's `slow` scenario answers after 2 s.
dom.configure({ asyncUtilTimeout: 4000 });

export const {
  getByRole,
  getAllByRole,
  queryByRole,
  findByRole,
  getByLabelText,
  queryByLabelText,
  findByLabelText,
  getByText,
  queryByText,
  findByText,
  within,
  waitFor,
  fireEvent,
} = dom;

/**
 * `<input#email>`, `<button controls=newPassword> "Show password"`: enough to tell which node an
 * assertion was about, and to tell apart two buttons of the same name.
 */
export function describeNode(node: Node | null | undefined): string {
  if (!node) return 'nothing';
  if (!(node instanceof Element)) return node.nodeName;
  const id = node.id ? `#${node.id}` : '';
  const controls = node.hasAttribute('aria-controls')
    ? ` controls=${node.getAttribute('aria-controls')}`
    : '';
  return `<${node.localName}${id}${controls}> ${JSON.stringify(node.textContent?.trim().slice(0, 80) ?? '')}`;
}

// A failed assertion that holds a DOM node makes the test runner try to serialise the node's
// whole object graph, and the run hangs until its time limit. Keep a description instead.
afterEach(function () {
  const error = this.currentTest?.err as { actual?: unknown; expected?: unknown } | undefined;
  if (!error) return;
  if (error.actual instanceof Node) error.actual = describeNode(error.actual);
  if (error.expected instanceof Node) error.expected = describeNode(error.expected);
});
