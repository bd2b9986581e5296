// @ts-check
// The content script's first file: the manifest injects it, then content/caveat.js
// (the page work, one classic script bundled by `cargo xtask build`), in the same
// task. It is tiny so that what the page work will wait for starts before the bundle
// is even compiled: the Wasm core's fetch and compile (done off the main thread), the
// reading of the settings, and on a page that looks like an article the request for
// the learned models (page/main.js requests them on other pages once they turn out to
// be articles). It runs once per frame: highlights belong to one document, so each
// frame that shows the page's own content (the top frame, and frames of the same
// origin, srcdoc and about:blank ones included) marks its own text. Frames of
// another origin (ads, social embeds, comment widgets) are left alone: without
// `caveatBoot`, content/caveat.js does nothing.
(() => {
  // When the content script started: the page's timings are measured from here.
  const startedAt = performance.now();
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api?.runtime?.getURL) return;
  if (!sameOriginAsTop()) return;
  // A frame's first, empty about:blank document (Firefox runs content scripts in
  // it too) is about to be replaced by the frame's page: nothing to read there.
  if (window.location.protocol === 'about:' && !/\S/.test(document.body?.textContent ?? '')) return;
  // Whether this page lets a content script compile Wasm at all (Chromium applies
  // the page's CSP) is asked with the smallest valid module, `\0asm` version 1, so
  // that a refusal costs one CSP report and the real module is never tried.
  let wasm = null;
  try {
    new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    // Our own packaged file (an extension URL), never the network.
    // eslint-disable-next-line no-restricted-globals
    wasm = WebAssembly.compileStreaming(fetch(api.runtime.getURL('wasm/caveat_bg.wasm')));
    wasm.catch(() => {}); // page/main.js reports a failure where it awaits the module
  } catch {
    // Wasm is refused here: page/main.js asks the background
  }
  let settings = null;
  try {
    settings = api.storage?.sync?.get(null) ?? null; // core/settings.js reads them from here
    settings?.catch(() => {}); // and falls back to storage.local, as ever, on a refusal
  } catch {
    // storage.sync refuses at once: core/settings.js reads storage.local
  }
  let models = null;
  const modelRequests = () => (models ??= requestModels());
  const likely = !!wasm && looksLikeArticle();
  if (likely) modelRequests();
  // Read once by content/caveat.js (this content script's world only; the page never sees it).
  globalThis.caveatBoot = { api, startedAt, wasm, settings, modelRequests, likely };

  /**
   * Whether the page announces an article (one <article>, og:type article, or an
   * Article or BlogPosting in its JSON-LD): page/page-kind.js decides, a moment later.
   */
  function looksLikeArticle() {
    if (document.querySelectorAll('article').length === 1) return true;
    if (document.querySelector('meta[property="og:type"][content="article" i]')) return true;
    for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
      if (/Article|BlogPosting/.test(script.textContent)) return true;
    }
    return false;
  }

  /**
   * The learned models' files (wasm/<name>.bin) that the manifest makes web accessible
   * (`cargo xtask build` lists every model it packages there), fetched at once, as a
   * promise of `{ [name]: promise of the Response }`, which the engine installs
   * (core/engine.js). Read from the manifest, not asked of the background: the
   * service worker is often asleep when a page loads, and waking it delayed the
   * first marks.
   */
  function requestModels() {
    const files = (api.runtime.getManifest().web_accessible_resources ?? []).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : (entry.resources ?? []),
    );
    // Firefox may give the paths with a leading slash.
    const names = files.map((file) => /^\/?wasm\/([a-z]+)\.bin$/.exec(file)?.[1]).filter(Boolean);
    return Promise.resolve(
      Object.fromEntries(
        names.map((name) => {
          // Our own packaged file (an extension URL), never the network.
          // eslint-disable-next-line no-restricted-globals
          const file = fetch(api.runtime.getURL(`wasm/${name}.bin`));
          file.catch(() => {}); // the engine finds a failed request when it installs the model
          return [name, file];
        }),
      ),
    );
  }

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
