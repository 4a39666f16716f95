/**
 * @custom-elements-manifest/analyzer's settings (scripts/elements-manifest.ts): `<gate-app>`, the
 * step pages, the leaf elements and the events, read from their JSDoc, for the package's
 * custom-elements.json and the reference in docs/elements.md. The repository's package.json is not
 * the package's, so the analyzer leaves it alone.
 */
export default {
  globs: ['src/app/app.ts', 'src/pages/*.ts', 'src/components/*.ts', 'src/events/*.ts'],
  litelement: true,
  packagejson: false,
};
