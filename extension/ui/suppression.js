// @ts-check
/**
 * Which marks the reader has dismissed: "Hide this mark" (this page only, kept
 * while the page is open) and "Don't mark this phrase again" (the settings'
 * never-mark list, everywhere). Keeps the layer's hidden flags in step with both,
 * also after a new report (re-analysis) replaces the marks.
 *
 *   const s = createSuppression(layer, settingsStore);
 *   s.hideOnPage(id)  s.showOnPage(id)  s.showAllOnPage()  s.hiddenOnPage() → ids  s.isNeverMarked(mark)  s.destroy()
 */
import { isNeverMarked } from '../core/settings.js';

export function createSuppression(layer, settings) {
  const pageHidden = new Set();
  let syncing = false;

  function sync() {
    if (syncing) return;
    syncing = true;
    try {
      const current = settings.get();
      for (const m of layer.marks()) {
        const hide = pageHidden.has(m.id) || isNeverMarked(current, m);
        if (hide && !m.hidden) layer.hideMark(m.id);
        else if (!hide && m.hidden) layer.showMark(m.id);
      }
    } finally {
      syncing = false;
    }
  }

  const offLayer = layer.onChange(({ reason }) => {
    if (reason === 'report') sync();
  });
  const offSettings = settings.subscribe(sync);
  sync();

  return {
    sync,
    hideOnPage(id) {
      pageHidden.add(id);
      sync();
    },
    showOnPage(id) {
      pageHidden.delete(id);
      sync();
    },
    showAllOnPage() {
      pageHidden.clear();
      sync();
    },
    hiddenOnPage: () => layer.marks().filter((m) => pageHidden.has(m.id)).map((m) => m.id),
    isNeverMarked: (mark) => isNeverMarked(settings.get(), mark),
    destroy() {
      offLayer();
      offSettings();
    },
  };
}
