// @ts-check
/**
 * The one element the reading UI adds to a page: `<caveat-ui>`, whose open
 * shadow root holds the card, the sidebar and the toast. It is in the DOM only
 * while one of them is showing, appended to <html> with fixed-position content,
 * so the page's layout never shifts and page CSS cannot reach inside.
 *
 *   const host = createUiHost(doc, { css });
 *   const part = host.part('card');   // a <div class="cv-ui"> in the shadow root
 *   host.show(part) / host.hide(part) // the host element leaves the DOM with the last part
 *
 * `inline`: a container to mount in instead (the playground), kept in place.
 */
import { adoptCss, h } from './dom.js';
import { THEME_CSS } from './theme.js';

export const HOST_TAG = 'caveat-ui';

const HOST_CSS = `
:host { all: initial; position: static !important; display: contents !important; }
:host([data-inline]) { display: block !important; height: 100%; }
[hidden] { display: none !important; }
`;

export function createUiHost(doc = document, { css = [], inline = null } = {}) {
  const element = doc.createElement(HOST_TAG);
  if (inline) element.dataset.inline = '';
  const root = element.attachShadow({ mode: 'open' });
  adoptCss(root, HOST_CSS + THEME_CSS + css.join('\n'));
  const showing = new Set();
  let restoring = false;

  function attach() {
    if (element.isConnected) return;
    if (inline) inline.append(element);
    else doc.documentElement.append(element);
  }

  return {
    element,
    root,
    part(name) {
      const el = h(doc, 'div', { class: `cv-ui cv-${name}`, hidden: true });
      root.append(el);
      return el;
    },
    show(part) {
      showing.add(part);
      part.hidden = false;
      attach();
    },
    hide(part) {
      showing.delete(part);
      part.hidden = true;
      if (showing.size === 0 && !inline) element.remove();
    },
    isShowing: (part) => showing.has(part),
    /** Whether an event happened inside our UI. */
    contains: (event) => event.composedPath?.().includes(element) ?? false,
    /** Give focus back to a page element without that counting as the reader focusing it. */
    restoreFocus(el) {
      if (!el?.isConnected || typeof el.focus !== 'function') return;
      restoring = true;
      try {
        el.focus({ preventScroll: true });
      } finally {
        restoring = false;
      }
    },
    get restoring() {
      return restoring;
    },
    /** The element focused inside our shadow root, if any. */
    activeElement: () => root.activeElement,
    destroy() {
      showing.clear();
      element.remove();
    },
  };
}
