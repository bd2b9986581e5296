// Lints Caveat's browser code (extension/, www/) and these tests. The
// no-unsanitized rules enforce that page text only ever becomes text nodes or
// textContent, never HTML. Run from the project root: `eslint -c tests/e2e/eslint.config.mjs`.
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

export default [
  { ignores: ['**/node_modules/**', '**/artifacts/**', 'dist/**', 'target/**', 'extension/wasm/**'] },
  js.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    files: ['extension/**/*.js', 'www/**/*.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions, ...globals.serviceworker },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['extension/content/**/*.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['tests/e2e/**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    // The tests import the built modules by path; they never ship.
    rules: { 'no-unsanitized/method': 'off' },
  },
];
