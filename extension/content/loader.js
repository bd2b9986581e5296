// Content scripts cannot be ES modules: this classic script loads the module
// that decides whether Caveat runs here (ui/presence.js, which starts
// page/main.js when it should), bundled with everything it imports into
// content/caveat.js by `cargo xtask build` (one file loads far faster than thirty). It runs once per frame: highlights belong to one
// document, so each frame that shows the page's own content (the top frame, and
// frames of the same origin, srcdoc and about:blank ones included) marks its own
// text. Frames of another origin (ads, social embeds, comment widgets) are left
// alone before anything is loaded into them.
(() => {
  // When the content script started: the page's timings are measured from here.
  const startedAt = performance.now();
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api?.runtime?.getURL) return;
  if (!sameOriginAsTop()) return;
  // A frame's first, empty about:blank document (Firefox runs content scripts in
  // it too) is about to be replaced by the frame's page: nothing to read there.
  if (window.location.protocol === 'about:' && !/\S/.test(document.body?.textContent ?? '')) return;
  // The Wasm core is fetched and compiled while the page modules load (they are
  // a few round trips to the extension): it is the longest step before the marks.
  // Whether this page lets a content script compile Wasm at all (Chromium applies
  // the page's CSP) is asked with the smallest valid module, `\0asm` version 1, so
  // that a refusal costs one CSP report and the real module is never tried.
  let wasm = null;
  let models = null;
  try {
    new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    // Our own packaged file (an extension URL), never the network.
    // eslint-disable-next-line no-restricted-globals
    wasm = WebAssembly.compileStreaming(fetch(api.runtime.getURL('wasm/caveat_bg.wasm')));
    wasm.catch(() => {}); // page/main.js reports a failure where it awaits the module
    // The learned models the core reads (wasm/<name>.bin) are fetched alongside, those
    // the background says are there (MSG_MODELS in core/engine.js): a request for a
    // missing file would be logged to the page's console. Their bytes are read when
    // the engine installs them, before the first analysis; without them the rules
    // still mark.
    models = api.runtime.sendMessage({ type: 'caveat/models' }).then(
      (reply) => {
        const names = reply?.ok && Array.isArray(reply.value) ? reply.value : [];
        return Object.fromEntries(
          names.map((name) => {
            // eslint-disable-next-line no-restricted-globals
            const file = fetch(api.runtime.getURL(`wasm/${name}.bin`));
            file.catch(() => {}); // the engine finds a failed request when it installs the model
            return [name, file];
          }),
        );
      },
      () => ({}),
    );
  } catch {
    // Wasm is refused here: page/main.js asks the background
  }
  // The module's extension URL (a relative specifier would resolve against the
  // page in Firefox). It is our own packaged file, never page input.
  // eslint-disable-next-line no-unsanitized/method
  import(api.runtime.getURL('content/caveat.js'))
    .then((presence) => presence.init(api, { startOptions: { startedAt, wasm, models } }))
    .catch((e) => console.error('Caveat could not start on this page:', e));

  function sameOriginAsTop() {
    if (window === window.top) return true;
    try {
      // The documents' own origins: srcdoc and about:blank frames inherit their
      // parent's, a sandboxed frame's is opaque ("null"). Reading another origin's
      // throws in a page; a content script may be allowed to, hence the comparison.
      return window.origin !== 'null' && window.origin === window.top.origin;
    } catch {
      return false;
    }
  }
})();
