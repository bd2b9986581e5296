// Content scripts cannot be ES modules: this classic script loads the page
// module from the extension and starts it. It runs once per page.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api?.runtime?.getURL) return;
  // The module's extension URL (a relative specifier would resolve against the
  // page in Firefox). It is our own packaged file, never page input.
  // eslint-disable-next-line no-unsanitized/method
  import(api.runtime.getURL('page/main.js'))
    .then((page) => page.start(api))
    .catch((e) => console.error('Caveat could not start on this page:', e));
})();
