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
    // Nothing leaves the browser: the extension's own code has no way to make a
    // request (the Wasm glue in extension/wasm/, ignored above, fetches only the
    // packaged .wasm by its extension URL; the e2e suites record every request).
    files: ['extension/**/*.js'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'RTCPeerConnection'].map((name) => ({
          name,
          message: 'Caveat makes no network request.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({ object, property: 'fetch', message: 'Caveat makes no network request.' })),
        { object: 'navigator', property: 'sendBeacon', message: 'Caveat makes no network request.' },
      ],
    },
  },
  {
    // content/boot.js is a classic script; content/caveat.js is bundled into one.
    files: ['extension/content/boot.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['tests/e2e/fixtures/**/*.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['tests/e2e/**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      // Functions passed to page.evaluate run in pages (and chrome://extensions).
      globals: { ...globals.node, ...globals.browser, chrome: 'readonly' },
    },
    // The tests import the built modules by path; they never ship.
    rules: { 'no-unsanitized/method': 'off' },
  },
];
