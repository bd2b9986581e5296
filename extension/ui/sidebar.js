// @ts-check
/**
 * The sidebar: a panel in the UI host's shadow root, over the page's right edge
 * (fixed, so the page never reflows). A minimap strip down its left side; then
 * the summary (counts, density, toggles; sources; translation gauge), the marks
 * in reading order, marks hidden on this page, and the Markdown / JSON export.
 * `inline`: mounted in a container instead, always open (the playground).
 *
 *   const bar = createSidebar({ doc, host, layer, rules, settings, suppression, pick, page, scroller, inline });
 *   bar.open({ focus })  bar.close()  bar.toggle({ focus })  bar.isOpen  bar.width()  bar.destroy()
 *   pick(id): go to a mark (scroll + flash); page(): { url, title } for the export
 */
import { CATEGORIES } from '../core/categories.js';
import { setCategoryEnabled } from '../core/settings.js';
import { h, trusted } from './dom.js';
import { plural } from './labels.js';
import { createMarkList, MARK_LIST_CSS } from './mark-list.js';
import { createMinimap, MINIMAP_CSS } from './minimap.js';
import { exportData, toJson, toMarkdown } from './report-export.js';
import { createSummaryView, SUMMARY_CSS } from './summary-view.js';

export const SIDEBAR_WIDTH = 360;

export const SIDEBAR_CSS = `
.cv-sidebar { position: fixed; z-index: 2147483646; top: 0; right: 0; bottom: 0;
  width: min(${SIDEBAR_WIDTH}px, 100vw); display: flex; background: var(--cv-bg);
  border-left: 1px solid var(--cv-line); box-shadow: var(--cv-shadow); }
.cv-sidebar[hidden] { display: none; }
.cv-sidebar.inline { position: relative; z-index: auto; width: 100%; height: 100%; box-shadow: none;
  border: 1px solid var(--cv-line); border-radius: 8px; overflow: hidden; }
.cv-sidebar .body { flex: 1; min-width: 0; overflow: auto; padding: 12px 14px 20px; display: grid; gap: 16px; align-content: start; }
.cv-sidebar header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.cv-sidebar header h2 { font-size: 16px; letter-spacing: 0; text-transform: none; color: var(--cv-fg); }
.cv-sidebar header h2:focus { outline: none; }
.cv-sidebar section { display: grid; gap: 6px; }
.cv-sidebar .export { display: flex; flex-wrap: wrap; gap: 6px; }
.cv-sidebar .status { font-size: 12px; color: var(--cv-muted); min-height: 1em; }
.cv-sidebar textarea { width: 100%; height: 120px; font: 12px ui-monospace, monospace; color: var(--cv-fg);
  background: var(--cv-soft); border: 1px solid var(--cv-line); }
${SUMMARY_CSS}
${MINIMAP_CSS}
${MARK_LIST_CSS}
`;

export function createSidebar({ doc = document, host, layer, rules = [], settings, suppression, pick, page, scroller, inline }) {
  // Looked up when drawn: the watch-list's rule joins `rules` when its module loads.
  const ruleNames = { get: (id) => rules.find((r) => r.id === id)?.name };
  const el = host.part('sidebar');
  el.classList.add('cv-sidebar');
  if (inline) el.classList.add('inline');
  el.setAttribute('role', 'complementary');
  el.setAttribute('aria-label', 'Caveat');

  const title = h(doc, 'h2', { tabindex: '-1' }, 'Caveat');
  const summary = createSummaryView({
    doc,
    onToggle: (c, on) => settings.update(setCategoryEnabled(settings.get(), c, on)),
  });
  const minimap = createMinimap({ doc, scroller, onPick: (id) => pick(id), rectsOf: (id) => layer.rectsOf(id) });
  const list = createMarkList({ doc, ruleName: (id) => ruleNames.get(id) ?? id, onPick: (id) => pick(id) });
  const listHeading = h(doc, 'h3', { id: 'cv-marks-title' }, 'Marks in reading order');
  const hiddenLine = h(doc, 'p', { class: 'hidden-line cv-muted' });
  const status = h(doc, 'p', { class: 'status', role: 'status' });
  const exportBox = h(doc, 'div', { class: 'export-box' });

  const body = h(doc, 'div', { class: 'body' },
    inline ? null : h(doc, 'header', {}, title,
      h(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close the Caveat sidebar', onclick: trusted(() => close()) }, 'Close'),
    ),
    summary.element,
    h(doc, 'section', { 'aria-labelledby': 'cv-marks-title' }, listHeading, list.element, hiddenLine),
    h(doc, 'section', { 'aria-label': 'Export' },
      h(doc, 'h3', {}, 'Export'),
      h(doc, 'div', { class: 'export' },
        h(doc, 'button', { type: 'button', onclick: trusted(() => copy('Markdown', toMarkdown)) }, 'Copy Markdown report'),
        h(doc, 'button', { type: 'button', onclick: trusted(() => copy('JSON', toJson)) }, 'Copy JSON report'),
      ),
      status,
      exportBox,
    ),
  );
  // The strip shows on the left but comes last in the tab order.
  el.append(body, minimap.element);
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && e.isTrusted && !inline) {
      e.stopPropagation();
      close();
    }
  });

  let open = false;
  let returnFocus = null;

  function drawnMarks() {
    return layer.visibleMarks();
  }

  function render() {
    if (!open) return;
    const enabled = Object.fromEntries(CATEGORIES.map((c) => [c, layer.isCategoryEnabled(c)]));
    summary.update({ report: layer.report(), marks: layer.marks(), enabled });
    const shown = drawnMarks();
    list.update(shown);
    listHeading.textContent = `Marks in reading order (${shown.length})`;
    minimap.update(shown);
    const hidden = suppression.hiddenOnPage().length;
    hiddenLine.replaceChildren();
    if (hidden) {
      hiddenLine.append(`${plural(hidden, 'mark')} hidden on this page. `,
        h(doc, 'button', { type: 'button', class: 'cv-link', onclick: trusted(() => suppression.showAllOnPage()) }, 'Show them again'));
    }
  }

  async function copy(kind, format) {
    const text = format(exportData({ report: layer.report(), marks: layer.marks(), rules, page: page() }));
    exportBox.replaceChildren();
    try {
      await doc.defaultView.navigator.clipboard.writeText(text);
      status.textContent = `${kind} report copied to the clipboard.`;
    } catch {
      // No clipboard here (a plain-http page, or the page's permissions policy): let the reader copy it.
      const area = h(doc, 'textarea', { readonly: true, 'aria-label': `${kind} report` });
      area.value = text;
      exportBox.append(area);
      area.focus();
      area.select();
      status.textContent = `This page blocks the clipboard: the ${kind} report is selected below, copy it with Ctrl+C.`;
    }
  }

  function openBar({ focus = false } = {}) {
    if (!open) {
      open = true;
      host.show(el);
      render();
    }
    if (focus) {
      const active = doc.activeElement;
      if (!el.contains(host.activeElement()) && active !== host.element) returnFocus = active;
      title.focus({ preventScroll: true });
    }
  }

  function close() {
    if (!open || inline) return;
    const refocus = el.contains(host.activeElement()) ? returnFocus : null;
    open = false;
    returnFocus = null;
    host.hide(el);
    status.textContent = '';
    exportBox.replaceChildren();
    host.restoreFocus(refocus);
  }

  const offLayer = layer.onChange(render);
  const offSettings = settings.subscribe(render);
  if (inline) openBar();

  return {
    element: el,
    open: openBar,
    close,
    toggle(opts) {
      if (open) close();
      else openBar(opts);
    },
    get isOpen() {
      return open;
    },
    /** How much of the viewport's right edge the panel covers. */
    width: () => (open && !inline ? el.getBoundingClientRect().width : 0),
    refresh: render,
    destroy() {
      offLayer();
      offSettings();
      minimap.destroy();
      el.remove();
    },
  };
}
