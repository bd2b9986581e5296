// @ts-check
/**
 * Scroll a Range into the middle of the view, through any scrolling containers
 * it sits in (a mark deep in a tall paragraph, or in the playground's scrolling
 * text box, where centring the parent element would miss it). Does nothing when
 * the range is already comfortably in view.
 */
const MARGIN = 48;

/**
 * @param {Range} range
 * @param {{ doc?: Document, behavior?: ScrollBehavior }} [options]
 */
export function revealRange(range, { doc = document, behavior = 'smooth' } = {}) {
  const win = doc.defaultView ?? globalThis;
  let rect = range.getBoundingClientRect();
  for (let el = range.startContainer.parentElement; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
    if (el.scrollHeight <= el.clientHeight || !/(auto|scroll)/.test(win.getComputedStyle(el).overflowY)) continue;
    const box = el.getBoundingClientRect();
    if (rect.top >= box.top + MARGIN && rect.bottom <= box.top + el.clientHeight - MARGIN) continue;
    // Nested containers scroll at once so the next step can measure where the range went.
    el.scrollBy({ top: rect.top + rect.height / 2 - (box.top + el.clientHeight / 2), behavior: /** @type {ScrollBehavior} */ ('instant') });
    rect = range.getBoundingClientRect();
  }
  const height = doc.documentElement.clientHeight;
  if (rect.top >= MARGIN && rect.bottom <= height - MARGIN) return;
  win.scrollBy({ top: rect.top + rect.height / 2 - height / 2, behavior });
}
