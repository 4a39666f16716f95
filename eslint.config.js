import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/** Browser code: everything in src/ but the server. */
const browserFiles = ['src/**/*.ts'];
const serverFiles = ['src/server/**/*.ts'];
/** What the sign-in page's first load is built from: none of it may carry zod (docs: performance). */
const firstLoadFiles = [
  'src/main.ts',
  'src/app/**/*.ts',
  'src/components/**/*.ts',
  'src/controllers/**/*.ts',
  'src/events/**/*.ts',
  'src/flow/**/*.ts',
  'src/router/**/*.ts',
  'src/i18n/**/*.ts',
  'src/theme/runtime/**/*.ts',
  'src/api/client.ts',
  'src/api/routes.ts',
  'src/api/contract-version.ts',
  'src/pages/step-page.ts',
  'src/pages/sign-in-page.ts',
];
/** The functions that declare tests and suites, in mocha and node:test. */
const testFunctions = '/^(describe|it|test|suite|context|specify)$/';
const noServer = {
  group: ['**/server/**'],
  message: 'Browser code never imports the server.',
};
const noStaticZod = {
  group: ['zod', 'zod/*', '**/*.schema.js'],
  allowTypeImports: true,
  message:
    'The first load carries no zod: import schemas with import(), or import only their types.',
};
const serverOnlyShared = {
  group: [
    '**/mocks/**',
    '**/pages/**',
    '**/components/**',
    '**/controllers/**',
    '**/events/**',
    '**/main.js',
    '**/app/app.js',
    '**/app/*-controller.js',
  ],
  message:
    'The server uses the shared modules (api, tenant, data, rules, flow, router, i18n, theme, demo, the app shell); never the mocks or the browser runtime.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-server/',
      'dist-lib/',
      '.examples-run/',
      'node_modules/',
      '.data/',
      'src/i18n/generated/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // chai assertions such as `expect(x).to.exist` are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // A committed `.only` would pass the run while dropping the rest of its file (mocha and node:test).
    files: ['test/**/*.{ts,js}', 'scripts/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[property.name='only'][object.name=${testFunctions}]`,
          message: 'Remove the .only: it skips every other test of the file.',
        },
        {
          selector: `CallExpression[callee.name=${testFunctions}] > ObjectExpression > Property[key.name='only']`,
          message: 'Remove the only option: it skips every other test of the file.',
        },
      ],
    },
  },
  {
    files: [
      '*.js',
      '*.ts',
      'test/support/**/*.js',
      'src/server/**/*.ts',
      'scripts/**',
      'bench/**',
      'examples/relying-party/**',
      'examples/plain-html/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: browserFiles,
    ignores: [...serverFiles, ...firstLoadFiles],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noServer] }] },
  },
  {
    files: firstLoadFiles,
    ignores: ['**/*.schema.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noServer, noStaticZod] }],
    },
  },
  {
    files: serverFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [serverOnlyShared] }],
    },
  },
);
