// Content scripts cannot be ES modules: this classic script loads the page
// module from the extension and starts it. It runs once per page.
(() => {
  // When the content script started: the page's timings are measured from here.
  const startedAt = performance.now();
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api?.runtime?.getURL) return;
  // The Wasm core is fetched and compiled while the page modules load (they are
  // a few round trips to the extension): it is the longest step before the marks.
  // Whether this page lets a content script compile Wasm at all (Chromium applies
  // the page's CSP) is asked with the smallest valid module, `\0asm` version 1, so
  // that a refusal costs one CSP report and the real module is never tried.
  let wasm = null;
  try {
    new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    wasm = WebAssembly.compileStreaming(fetch(api.runtime.getURL('wasm/caveat_bg.wasm')));
    wasm.catch(() => {}); // page/main.js reports a failure where it awaits the module
  } catch {
    // Wasm is refused here: page/main.js asks the background
  }
  // The module's extension URL (a relative specifier would resolve against the
  // page in Firefox). It is our own packaged file, never page input.
  // eslint-disable-next-line no-unsanitized/method
  import(api.runtime.getURL('page/main.js'))
    .then((page) => page.start(api, { startedAt, wasm }))
    .catch((e) => console.error('Caveat could not start on this page:', e));
})();
