/**
 * @custom-elements-manifest/analyzer's settings for the package's custom-elements.json
 * (scripts/build-lib.ts): the public element and its events, read from their JSDoc. The
 * repository's package.json is not the package's, so the analyzer leaves it alone.
 */
export default {
  globs: ['src/app/app.ts', 'src/events/*.ts'],
  litelement: true,
  packagejson: false,
};
