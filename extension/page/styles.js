/**
 * The marks' look: one style per category that differs by more than colour
 * (hedging dotted, sourcing solid, translation wavy underline, each with a faint
 * tint). Installed as a constructed stylesheet adopted by the document, so the
 * page's DOM gets no element. On web pages the extension's manifest injects the same
 * rules (page/marks.css, which `cargo xtask build` writes from MARK_CSS) before the
 * page is first styled: adopting a sheet of `::highlight` rules later restyles every element of
 * the page (half a second on a 5 MB page).
 */
export const MARK_CSS = `
::highlight(caveat-hedging) {
  background-color: rgb(245 166 35 / 0.18);
  text-decoration: underline dotted rgb(184 106 0);
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
::highlight(caveat-sourcing) {
  background-color: rgb(56 132 255 / 0.14);
  text-decoration: underline solid rgb(40 98 214);
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
::highlight(caveat-translation) {
  background-color: rgb(200 60 160 / 0.10);
  text-decoration: underline wavy rgb(176 42 140);
  text-decoration-thickness: 1px;
  text-underline-offset: 3px;
}
::highlight(caveat-flash) {
  background-color: rgb(255 214 0 / 0.55);
}
@media (prefers-color-scheme: dark) {
  ::highlight(caveat-hedging) { text-decoration-color: rgb(255 190 80); background-color: rgb(255 190 80 / 0.18); }
  ::highlight(caveat-sourcing) { text-decoration-color: rgb(120 170 255); background-color: rgb(120 170 255 / 0.18); }
  ::highlight(caveat-translation) { text-decoration-color: rgb(240 120 210); background-color: rgb(240 120 210 / 0.14); }
}
`;

/** Adopt the mark styles into `doc`; returns `{ remove() }`. */
export function installStyles(doc = document) {
  const win = doc.defaultView ?? globalThis;
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
