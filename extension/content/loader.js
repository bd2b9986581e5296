// Content scripts cannot be ES modules: this classic script loads the page
// module from the extension and starts it. It runs once per frame: highlights
// belong to one document, so each frame that shows the page's own content
// (the top frame, and frames of the same origin, srcdoc and about:blank ones
// included) marks its own text. Frames of another origin (ads, social embeds,
// comment widgets) are left alone before anything is loaded into them.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api?.runtime?.getURL) return;
  if (!sameOriginAsTop()) return;
  // The module's extension URL (a relative specifier would resolve against the
  // page in Firefox). It is our own packaged file, never page input.
  // eslint-disable-next-line no-unsanitized/method
  import(api.runtime.getURL('page/main.js'))
    .then((page) => page.start(api))
    .catch((e) => console.error('Caveat could not start on this page:', e));

  function sameOriginAsTop() {
    if (window === window.top) return true;
    try {
      // Reading the top frame's location throws unless this frame has its origin
      // (srcdoc and about:blank frames inherit it; sandboxed frames never have it).
      return typeof window.top.location.href === 'string';
    } catch {
      return false;
    }
  }
})();
