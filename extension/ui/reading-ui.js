// @ts-check
/**
 * The reading UI over one mark layer: the hover card, the sidebar, the toast,
 * next/previous mark, and the reader's settings applied to the layer (category
 * toggles, the never-mark list, marks hidden on this page). The extension's
 * content script mounts it (content/controller.js's mountUi); the playground mounts the very same thing with an
 * inline sidebar.
 *
 *   const ui = createReadingUi({ doc, layer, rules, settings, scroller, inline, page });
 *   ui.toggleSidebar({ focus })  ui.openSidebar({ focus })  ui.nextMark()  ui.previousMark()
 *   ui.goTo(id, { focus })  ui.setActive(on)  ui.destroy()
 *   settings: a store from core/settings.js; page(): { url, title } for exports
 */
import { CATEGORIES } from '../core/categories.js';
import { addNeverMark, phraseKey, removeNeverMark, setCategoryEnabled } from '../core/settings.js';
import { CARD_CSS, createCard } from './card.js';
import { createUiHost } from './host.js';
import { categoryLabel } from './labels.js';
import { createMarkCursor } from './mark-cursor.js';
import { revealRange } from './reveal.js';
import { createSidebar, SIDEBAR_CSS } from './sidebar.js';
import { createSuppression } from './suppression.js';
import { createToast, TOAST_CSS } from './toast.js';

/**
 * @param {object} options
 * @param {Document} [options.doc]
 * @param {any} options.layer the mark layer (page/marks.js's API), handed over, never imported
 * @param {import('../core/report.js').RuleDoc[]} [options.rules]
 * @param {any} options.settings
 * @param {any} [options.scroller]
 * @param {any} [options.inline]
 * @param {() => { url?: string, title?: string }} [options.page]
 */
export function createReadingUi({ doc = document, layer, rules = [], settings, scroller = null, inline = null, page }) {
  const host = createUiHost(doc, { css: [CARD_CSS, SIDEBAR_CSS, TOAST_CSS], inline });
  const suppression = createSuppression(layer, settings);
  const toast = createToast({ doc, host });
  const cursor = createMarkCursor({ doc, layer });
  const pageInfo = page ?? (() => ({ url: doc.location?.href ?? '', title: doc.title }));
  let active = true;

  const actions = {
    hide(mark) {
      suppression.hideOnPage(mark.id);
      toast.show('Mark hidden on this page.', () => suppression.showOnPage(mark.id));
    },
    neverMark(mark) {
      settings.update(addNeverMark(settings.get(), mark));
      const entry = { rule: mark.rule, phrase: phraseKey(mark.text) };
      toast.show(`“${mark.text}” won't be marked again, on any page.`, () =>
        settings.update(removeNeverMark(settings.get(), entry)),
      );
    },
    turnOff(category) {
      settings.update(setCategoryEnabled(settings.get(), category, false));
      toast.show(`${categoryLabel(category)} marks turned off on every page.`, () =>
        settings.update(setCategoryEnabled(settings.get(), category, true)),
      );
    },
  };

  function goTo(id, { focus = false, card: withCard = focus } = {}) {
    const mark = layer.mark(id);
    if (!mark) return;
    cursor.set(mark);
    const range = layer.liveRange(id);
    if (range) revealRange(range, { doc, behavior: withCard ? 'instant' : 'smooth' });
    layer.flash(id);
    if (withCard) card.showFor(id, { focus });
  }

  const sidebar = createSidebar({
    doc, host, layer, rules, settings, suppression, scroller, inline, page: pageInfo,
    pick: (id) => goTo(id),
  });
  const card = createCard({
    doc, host, layer, rules, actions,
    bounds: () => ({
      left: 0,
      top: 0,
      right: doc.documentElement.clientWidth - sidebar.width(),
      bottom: doc.documentElement.clientHeight,
    }),
  });

  function applySettings(s) {
    for (const c of CATEGORIES) layer.setCategoryEnabled(c, active && s.categories[c]);
  }
  const offSettings = settings.subscribe(applySettings);
  applySettings(settings.get());

  function step(dir) {
    if (!active) return null;
    const mark = cursor.step(dir);
    if (mark) goTo(mark.id, { focus: true });
    return mark;
  }

  return {
    host,
    card,
    sidebar,
    suppression,
    goTo,
    nextMark: () => step(1),
    previousMark: () => step(-1),
    openSidebar: (opts) => active && sidebar.open(opts),
    toggleSidebar: (opts) => active && sidebar.toggle(opts),
    /** Caveat turned off (globally or for this site) while the page is marked: draw nothing, show nothing. */
    setActive(on) {
      active = !!on;
      if (!active) {
        card.hide();
        sidebar.close();
        toast.hide();
      }
      applySettings(settings.get());
    },
    get active() {
      return active;
    },
    destroy() {
      offSettings();
      card.destroy();
      sidebar.destroy();
      toast.destroy();
      suppression.destroy();
      host.destroy();
    },
  };
}
