// @ts-check
/**
 * The hover card: what a mark means. Opens when the pointer rests on a mark, when
 * keyboard focus lands on a page element holding a mark, or on request (next /
 * previous mark, the sidebar) with focus moved into it. Shows the category, the
 * rule's name and message, the exact phrase, the rule's `why`, and for sourcing
 * the kind of source and who (if anyone) is named. Three actions, each saying
 * what it does. Placed beside the words, never over them (placement.js); closes
 * on Escape (focus goes back) or when the pointer leaves it and the mark (after
 * a grace delay, so the pointer can travel to it).
 *
 *   const card = createCard({ doc, host, layer, rules, actions, bounds });
 *   card.showFor(id, { focus })  card.hide()  card.shownId  card.destroy()
 *   actions: { hide(mark), neverMark(mark), turnOff(category) }
 */
import { h, trusted } from './dom.js';
import { categoryLabel, SOURCE_KIND_LABEL } from './labels.js';
import { placeCard } from './placement.js';

const GRACE_MS = 350;

export const CARD_CSS = `
.cv-card {
  position: fixed; z-index: 2147483647; width: max-content; max-width: min(380px, calc(100vw - 16px));
  max-height: calc(100vh - 16px); overflow: auto; padding: 12px 14px;
  background: var(--cv-bg); border: 1px solid var(--cv-line); border-top: 4px solid var(--cv-cat);
  border-radius: 10px; box-shadow: var(--cv-shadow);
}
.cv-card[data-category="hedging"] { --cv-cat: var(--cv-hedging); }
.cv-card[data-category="sourcing"] { --cv-cat: var(--cv-sourcing); }
.cv-card[data-category="translation"] { --cv-cat: var(--cv-translation); }
.cv-card[data-category="watchlist"] { --cv-cat: var(--cv-watchlist); }
.cv-card .watch .entry { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.cv-card:focus { outline: none; }
.cv-card:focus-visible { outline: 2px solid var(--cv-focus); outline-offset: 2px; }
.cv-card .cat { display: flex; align-items: center; gap: 8px; font-size: 12px; font-weight: 700;
  letter-spacing: 0.05em; text-transform: uppercase; color: var(--cv-cat); }
.cv-card .name { margin: 4px 0 0; font-size: 15px; font-weight: 650; letter-spacing: 0; text-transform: none; color: var(--cv-fg); }
.cv-card .message { margin: 2px 0 0; }
.cv-card .phrase { margin: 8px 0 0; padding: 4px 8px; background: var(--cv-soft); border-radius: 6px;
  font-style: italic; overflow-wrap: anywhere; }
.cv-card .why { margin: 8px 0 0; color: var(--cv-muted); font-size: 13px; }
.cv-card .source { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 8px 0 0; font-size: 13px; }
.cv-card .source dt { color: var(--cv-muted); }
.cv-card .source dd { margin: 0; }
.cv-card .actions { display: grid; gap: 6px; margin-top: 10px; padding-top: 10px; border-top: 1px solid var(--cv-line); }
.cv-card .action { display: grid; gap: 1px; }
.cv-card .action button { justify-self: start; }
.cv-card .action span { font-size: 12px; color: var(--cv-muted); }
`;

/** The attribution behind a sourcing mark: the one whose cue or source overlaps it. */
export function attributionFor(report, mark) {
  const overlaps = (s, e) => s != null && e != null && s < mark.end && e > mark.start;
  return (report?.attributions ?? []).find(
    (a) => overlaps(a.cueStart, a.cueEnd) || overlaps(a.sourceStart, a.sourceEnd),
  );
}

export function createCard({ doc = document, host, layer, rules = [], actions, bounds }) {
  const win = doc.defaultView ?? globalThis;
  // Looked up when a card opens: the watch-list's rule joins `rules` when its module loads.
  const ruleById = { get: (id) => rules.find((r) => r.id === id) };
  const el = host.part('card');
  el.setAttribute('role', 'dialog');
  el.tabIndex = -1;
  el.addEventListener('pointerenter', () => win.clearTimeout(hideTimer));
  el.addEventListener('pointerleave', () => {
    if (!hasFocus()) scheduleHide();
  });
  el.addEventListener('focusout', (e) => {
    // Focus left the card for somewhere else on the page: the card goes too.
    if (shownId && e.relatedTarget && !el.contains(e.relatedTarget)) hide();
  });

  let shownId = null;
  let hideTimer = 0;
  let frame = 0;
  let lastPoint = null;
  let returnFocus = null;
  let openedByFocus = false;

  const hasFocus = () => el.contains(host.activeElement());

  function action(label, description, run) {
    const id = `cv-act-${label.replace(/\W+/g, '-').toLowerCase()}`;
    return h(doc, 'div', { class: 'action' },
      h(doc, 'button', { type: 'button', 'aria-describedby': id, onclick: trusted(run) }, label),
      h(doc, 'span', { id }, description),
    );
  }

  function render(mark) {
    const rule = ruleById.get(mark.rule);
    const label = categoryLabel(mark.category);
    const parts = [
      h(doc, 'div', { class: 'cat' }, h(doc, 'span', { class: `cv-swatch ${mark.category}`, 'aria-hidden': 'true' }), label),
      h(doc, 'h2', { class: 'name', id: 'cv-card-title' }, rule?.name ?? mark.rule),
      h(doc, 'p', { class: 'message' }, mark.message),
      h(doc, 'p', { class: 'phrase' }, `“${mark.text}”`),
    ];
    if (mark.category === 'watchlist') {
      // The reader's own entry that matched, and their note for it.
      parts.push(h(doc, 'dl', { class: 'source watch' },
        h(doc, 'dt', {}, 'Your entry'), h(doc, 'dd', { class: 'entry' }, mark.entry ?? ''),
        h(doc, 'dt', {}, 'Your note'), h(doc, 'dd', { class: 'note' }, mark.detail || 'no note'),
      ));
    } else if (mark.detail) {
      parts.push(h(doc, 'p', { class: 'why' }, mark.detail));
    }
    if (rule?.why) parts.push(h(doc, 'p', { class: 'why' }, rule.why));
    if (mark.category === 'sourcing') {
      const a = attributionFor(layer.report(), mark);
      parts.push(h(doc, 'dl', { class: 'source' },
        h(doc, 'dt', {}, 'Source'), h(doc, 'dd', {}, a ? SOURCE_KIND_LABEL[a.kind] ?? a.kind : 'not identified'),
        h(doc, 'dt', {}, 'Named'), h(doc, 'dd', {}, a?.name ?? 'no one'),
      ));
    }
    const lower = label.toLowerCase();
    parts.push(h(doc, 'div', { class: 'actions' },
      action('Hide this mark', 'On this page only, until it reloads.', () => act(() => actions.hide(mark))),
      // A watch-list entry is the reader's own: they edit it in the settings.
      mark.category === 'watchlist'
        ? null
        : action("Don't mark this phrase again", "On every page. Undo it in Caveat's settings.", () =>
          act(() => actions.neverMark(mark))),
      action(`Turn off ${lower}`, `No ${lower} marks on any page, until you turn them back on.`, () =>
        act(() => actions.turnOff(mark.category))),
    ));
    el.replaceChildren(...parts);
    el.setAttribute('aria-labelledby', 'cv-card-title');
    el.dataset.markId = mark.id;
    el.dataset.category = mark.category;
  }

  function act(run) {
    const hadFocus = hasFocus();
    const restore = returnFocus;
    hide({ restoreFocus: false });
    run();
    // A keyboard user lands back where they were (the toast may take focus instead).
    if (hadFocus && !host.activeElement()) host.restoreFocus(restore);
  }

  function place() {
    const rects = layer.rectsOf(shownId).filter((r) => r.width > 0 || r.height > 0);
    if (rects.length === 0) return false;
    el.style.left = '0px';
    el.style.top = '0px';
    const { width, height } = el.getBoundingClientRect();
    const pos = placeCard({ rects, size: { width, height }, bounds: bounds() });
    el.style.left = `${Math.round(pos.left)}px`;
    el.style.top = `${Math.round(pos.top)}px`;
    el.dataset.side = pos.side;
    return true;
  }

  function showFor(id, { focus = false } = {}) {
    const mark = layer.mark(id);
    if (!mark || mark.hidden || !layer.isCategoryEnabled(mark.category)) return hide();
    win.clearTimeout(hideTimer);
    openedByFocus = false;
    if (shownId !== id) {
      shownId = id;
      render(mark);
    }
    host.show(el);
    if (!place()) return hide();
    if (focus) {
      const active = doc.activeElement;
      if (!hasFocus() && active !== host.element) returnFocus = active;
      el.focus({ preventScroll: true });
    }
  }

  function hide({ restoreFocus = true } = {}) {
    win.clearTimeout(hideTimer);
    if (!shownId) return;
    const refocus = restoreFocus && hasFocus() ? returnFocus : null;
    shownId = null;
    returnFocus = null;
    host.hide(el);
    host.restoreFocus(refocus);
  }

  function scheduleHide() {
    win.clearTimeout(hideTimer);
    hideTimer = win.setTimeout(() => hide(), GRACE_MS);
  }

  function onPointerMove(e) {
    lastPoint = { x: e.clientX, y: e.clientY, inUi: host.contains(e) };
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      if (lastPoint.inUi) return;
      const mark = layer.markAt(lastPoint.x, lastPoint.y);
      if (mark) showFor(mark.id);
      else if (shownId && !hasFocus()) scheduleHide();
    });
  }

  /**
   * Keyboard focus on a page element (a link, say) that holds a mark opens its
   * card; focus moving on (but into the card) closes a card opened that way.
   */
  function onFocusIn(e) {
    if (!e.isTrusted || hasFocus() || host.restoring) return;
    const target = e.target;
    const mark =
      !host.contains(e) && target?.nodeType === 1 && target !== doc.body && target !== doc.documentElement
        ? (layer.marksOn(target)[0] ?? null)
        : null;
    if (mark) {
      showFor(mark.id);
      openedByFocus = true;
    } else if (openedByFocus && shownId) {
      hide();
    }
  }

  function onKeyDown(e) {
    if (e.key !== 'Escape' || !shownId || !e.isTrusted) return;
    hide();
    e.stopPropagation();
  }

  function onScroll() {
    if (!shownId) return;
    if (hasFocus()) place();
    else hide();
  }

  const onResize = () => shownId && place();
  doc.addEventListener('pointermove', onPointerMove, { passive: true });
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('keydown', onKeyDown, true);
  win.addEventListener('scroll', onScroll, { passive: true, capture: true });
  win.addEventListener('resize', onResize);
  const offLayer = layer.onChange(() => {
    const m = shownId && layer.mark(shownId);
    if (shownId && (!m || m.hidden || !layer.isCategoryEnabled(m.category))) hide();
  });

  return {
    element: el,
    showFor,
    hide,
    get shownId() {
      return shownId;
    },
    destroy() {
      hide();
      win.cancelAnimationFrame(frame);
      doc.removeEventListener('pointermove', onPointerMove);
      doc.removeEventListener('focusin', onFocusIn);
      doc.removeEventListener('keydown', onKeyDown, true);
      win.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', onResize);
      offLayer();
      el.remove();
    },
  };
}

