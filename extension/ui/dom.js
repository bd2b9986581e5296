// @ts-check
/**
 * Tiny DOM helpers for the reading UI. Every string becomes a text node or an
 * attribute value: page text never becomes HTML.
 *
 *   h(doc, 'button', { class: 'x', onclick: fn, 'aria-label': '…' }, 'text', childNode)
 *   adoptCss(shadowRoot, css)   a constructed stylesheet (allowed by a page's style-src CSP)
 */
export function h(doc, tag, attrs = {}, ...children) {
  const el = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'style') el.style.cssText = value;
    else if (key === 'checked' || key === 'disabled' || key === 'value') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
}

/** Adopt `css` into a shadow root (or document) as a constructed stylesheet. */
export function adoptCss(root, css) {
  const win = (root.ownerDocument ?? root).defaultView ?? globalThis;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return sheet;
}

/**
 * Wrap an event handler so that only the user's own input runs it: a page can
 * reach an open shadow root and dispatch synthetic clicks, but those are untrusted.
 */
export function trusted(fn) {
  return (event) => {
    if (event && event.isTrusted === false) return;
    fn(event);
  };
}
