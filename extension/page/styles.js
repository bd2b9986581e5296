// @ts-check
/**
 * The marks' look: one style per category that differs by more than colour
 * (hedging dotted, sourcing solid, translation wavy, the reader's watch-list double
 * underline, each with a faint tint). Installed as a constructed stylesheet adopted by the document, so the
 * page's DOM gets no element. On web pages the extension's manifest injects the same
 * rules (page/marks.css, which `cargo xtask build` writes from MARK_CSS) before the
 * page is first styled: adopting a sheet of `::highlight` rules later restyles every
 * element of the page (half a second on a 5 MB page). Open shadow roots that hold
 * marks still get the sheet adopted (document styles do not reach into them).
 *
 * The colours are MARK_COLORS (core/categories.js); the tints are faint enough to
 * keep any text colour readable.
 */
import { MARK_COLORS } from '../core/categories.js';

export const MARK_CSS = `
::highlight(caveat-hedging) {
  background-color: rgb(232 150 20 / 0.16);
  text-decoration: underline dotted ${MARK_COLORS.hedging};
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
::highlight(caveat-sourcing) {
  background-color: rgb(59 123 232 / 0.14);
  text-decoration: underline solid ${MARK_COLORS.sourcing};
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
::highlight(caveat-translation) {
  background-color: rgb(202 78 167 / 0.11);
  text-decoration: underline wavy ${MARK_COLORS.translation};
  text-decoration-thickness: 1.5px;
  text-underline-offset: 3px;
}
::highlight(caveat-watchlist) {
  background-color: rgb(16 136 72 / 0.13);
  text-decoration: underline double ${MARK_COLORS.watchlist};
  text-decoration-thickness: 1.5px;
  text-underline-offset: 3px;
}
::highlight(caveat-flash) {
  background-color: rgb(255 200 0 / 0.55);
}
`;

/**
 * Adopt the mark styles into `doc` (a document, or a shadow root: styles do not
 * cross into shadow trees); returns `{ remove() }`.
 */
/** @param {any} [doc] a document, or a shadow root */
export function installStyles(doc = document) {
  const win = doc.defaultView ?? doc.ownerDocument?.defaultView ?? globalThis;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(MARK_CSS);
  const adopt = () => {
    if (!Array.from(doc.adoptedStyleSheets).includes(sheet)) doc.adoptedStyleSheets.push(sheet);
  };
  adopt();
  return {
    sheet,
    /** Re-adopt if the page replaced its adopted sheets. */
    ensure: adopt,
    remove() {
      const i = Array.from(doc.adoptedStyleSheets).indexOf(sheet);
      if (i >= 0) doc.adoptedStyleSheets.splice(i, 1);
    },
  };
}
