// Content scripts cannot be ES modules: this classic script loads the module
// that decides whether Caveat runs here (ui/presence.js, which starts
// page/main.js when it should). It runs once per page.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api?.runtime?.getURL) return;
  // The module's extension URL (a relative specifier would resolve against the
  // page in Firefox). It is our own packaged file, never page input.
  // eslint-disable-next-line no-unsanitized/method
  import(api.runtime.getURL('ui/presence.js'))
    .then((presence) => presence.init(api))
    .catch((e) => console.error('Caveat could not start on this page:', e));
})();
