// @ts-check
/**
 * A short confirmation after a card action, with an Undo button: "Mark hidden on
 * this page. Undo". Announced politely (role=status); it never takes focus and
 * goes away by itself (not while the pointer or focus is on it).
 *
 *   const toast = createToast({ doc, host });  toast.show(message, undo?)  toast.hide()
 */
import { h, trusted } from './dom.js';

const TIMEOUT_MS = 8000;

export const TOAST_CSS = `
.cv-toast { position: fixed; z-index: 2147483647; left: 50%; bottom: 16px; transform: translateX(-50%);
  display: flex; align-items: center; gap: 12px; max-width: min(520px, calc(100vw - 24px)); padding: 8px 10px 8px 14px;
  background: var(--cv-bg); border: 1px solid var(--cv-line); border-radius: 10px; box-shadow: var(--cv-shadow); }
.cv-toast p { margin: 0; }
`;

export function createToast({ doc = document, host }) {
  const win = doc.defaultView ?? globalThis;
  const el = host.part('toast');
  el.setAttribute('role', 'status');
  let timer = 0;
  let held = false;
  const hold = (on) => () => {
    held = on;
    if (!on) arm();
  };
  el.addEventListener('pointerenter', hold(true));
  el.addEventListener('pointerleave', hold(false));
  el.addEventListener('focusin', hold(true));
  el.addEventListener('focusout', hold(false));

  function arm() {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => !held && hide(), TIMEOUT_MS);
  }

  function show(message, undo) {
    const parts = [h(doc, 'p', {}, message)];
    if (undo) {
      parts.push(h(doc, 'button', { type: 'button', onclick: trusted(() => { hide(); undo(); }) }, 'Undo'));
    }
    el.replaceChildren(...parts);
    host.show(el);
    arm();
  }

  function hide() {
    win.clearTimeout(timer);
    held = false;
    host.hide(el);
  }

  return { element: el, show, hide, destroy: hide };
}
