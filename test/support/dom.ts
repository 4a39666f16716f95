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
