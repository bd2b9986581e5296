// @ts-check
/**
 * The mark layer: draws a report's annotations over the page with the CSS Custom
 * Highlight API, without touching the page's DOM, and answers questions about them.
 * The content script, the playground and the reading UI (hover card, sidebar,
 * minimap, exports) all go through this API, so each needs no page code of its own.
 *
 *   import { createMarkLayer } from './marks.js';        // CATEGORIES: core/categories.js
 *   const layer = createMarkLayer({ doc: document });   // adoptStyles: false when the page has them
 *
 *   layer.setReport(report, textMap)  draw a report; `report` is the Wasm core's
 *                                     { annotations, attributions, summary } (UTF-16
 *                                     offsets into textMap.text). Replaces earlier marks
 *                                     (those already drawn for the same textMap by
 *                                     addMarks are kept as they are, hidden or not).
 *   layer.addMarks(annotations, textMap)
 *                                     draw more marks over the same text (a long page is
 *                                     drawn a chunk at a time, visible part first); the
 *                                     report follows with setReport once complete.
 *                                     Returns how many were registered (drawn now: on a
 *                                     long page, those in the window)
 *   layer.report()                    the current report (or null)
 *   layer.marks()                     every mark, in text order:
 *                                     { id, category, rule, start, end, text, message,
 *                                       strength, detail, hidden, range }
 *   layer.visibleMarks()              the marks currently drawn
 *   layer.mark(id)                    one mark, or undefined
 *   layer.setCategoryEnabled(cat, on) show or hide a whole category (never re-analyses)
 *   layer.isCategoryEnabled(cat)
 *   layer.hideMark(id) / showMark(id) hide one mark on this page / bring it back
 *   layer.markAt(x, y)                the innermost drawn mark under a viewport point,
 *                                     or null (hit-tested against the marks' client rects)
 *   layer.marksAt(x, y)               all drawn marks under the point, innermost first
 *   layer.rectsOf(id)                 the mark's client rects (viewport coordinates)
 *   layer.liveRange(id)               a fresh live Range over the mark (to measure or
 *                                     scroll to it now: do not keep it), or null
 *   layer.intersectsNode(id, node)    whether the mark touches `node`
 *   layer.marksOn(node)               the drawn marks touching `node` (a text node or
 *                                     an element), in text order
 *   layer.scrollToMark(id, opts)      scroll the mark into view (centred by default)
 *   layer.flash(id, ms = 900)         briefly emphasise a mark (the `caveat-flash` highlight)
 *   layer.onChange(fn)                fn({ reason }) after setReport ('report'), addMarks
 *                                     ('marks'), toggle/hide/show;
 *                                     returns an unsubscribe function
 *   layer.clear()                     remove every highlight (marks are forgotten)
 *   layer.destroy()                   clear, and remove the layer's stylesheet
 *
 * Highlights are registered as `caveat-hedging`, `caveat-sourcing`,
 * `caveat-translation`, `caveat-watchlist` (one Highlight per category) and styled by
 * `::highlight(caveat-<category>)` in a constructed stylesheet adopted by the
 * document (see styles.js), so no element is added to the page. On a page with
 * many marks, or over a long text, only those near the viewport are registered
 * (WINDOW_MIN_MARKS, WINDOW_MIN_TEXT). A mark's `range` is a StaticRange: a live Range
 * per mark would be updated by the browser on every change to the page's DOM (see
 * TextMap.rangeOf); the layer measures marks with one live Range of its own.
 */
import { CATEGORIES } from '../core/categories.js';
import { installStyles } from './styles.js';

/** @typedef {import('../core/report.js').Annotation} Annotation */
/** @typedef {import('../core/report.js').Report} Report */
/** @typedef {import('./text-map.js').TextMap} TextMap */
/** @typedef {import('../core/report.js').Mark} Mark */

export const HIGHLIGHT_PREFIX = 'caveat-';
// Overlaps: a sourcing or hedging mark inside a flagged paragraph keeps its own style.
// The reader's own watch-list marks show over the core's.
const PRIORITY = { translation: 0, hedging: 1, sourcing: 2, watchlist: 3 };
/**
 * With more marks than this, only those within WINDOW_SCREENS viewport heights of
 * the viewport are registered, and the window follows scrolling: each change to
 * the highlights makes the browser revisit every registered range, which on a
 * long page (tens of thousands of marks) takes longer than a frame.
 */
export const WINDOW_MIN_MARKS = 1500;
/**
 * Over a text longer than this (UTF-16 units), the window applies whatever the number
 * of marks: Chromium revisits the whole document's paint on every change to the
 * highlights (on a page of megabytes, a task of 50-100 ms each time), so a long page
 * drawn chunk by chunk registers only the marks near the viewport, and a chunk far
 * below it changes nothing that is painted.
 */
export const WINDOW_MIN_TEXT = 200_000;
/** How many viewport heights above and below the viewport the window reaches. */
export const WINDOW_SCREENS = 3;

/**
 * The text offsets [start, end) shown in the viewport (extended by `margin` viewport
 * heights above and below), found by bisecting the text nodes by their boxes (text
 * order is document order, mostly top to bottom).
 */
export function visibleSpan(textMap, doc = document, margin = 0) {
  const segments = textMap.segments;
  const height = doc.defaultView?.innerHeight ?? 0;
  if (!segments.length || !height) return { start: 0, end: textMap.length };
  const range = doc.createRange();
  const box = (seg) => {
    range.selectNodeContents(seg.node);
    return range.getBoundingClientRect();
  };
  const firstWhere = (test) => {
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test(box(segments[mid]))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const first = firstWhere((r) => r.bottom >= -margin * height);
  const last = firstWhere((r) => r.top > (1 + margin) * height);
  if (first >= segments.length) return { start: textMap.length, end: textMap.length };
  return { start: segments[first].start, end: last < segments.length ? segments[last].start : textMap.length };
}

/** Whether this browser can draw marks at all. */
export function highlightsSupported(win = globalThis) {
  return typeof win.Highlight === 'function' && !!win.CSS?.highlights;
}

/**
 * `adoptStyles: false` when the document has the marks' styles already (the
 * content script's, injected by the manifest: see styles.js).
 */
export function createMarkLayer({ doc = document, adoptStyles = true } = {}) {
  const win = doc.defaultView ?? globalThis;
  const registry = win.CSS.highlights;
  const HighlightCtor = win.Highlight;
  const styles = adoptStyles ? installStyles(doc) : { remove() {} };
  /** Shadow roots holding marks, with the styles adopted there (document styles do not reach them). */
  const shadowStyles = new Map();
  const scrolled = () => onScroll();
  win.addEventListener('scroll', scrolled, { passive: true, capture: true });
  win.addEventListener('resize', scrolled, { passive: true });
  const enabled = new Map(CATEGORIES.map((c) => [c, true]));
  const listeners = new Set();
  /** @type {Report | null} */
  let current = null;
  let currentMap = null;
  /** @type {Mark[]} */
  let marks = [];
  let byId = new Map();
  /** text node → ids of marks whose range touches it: narrows hit-testing. */
  let byNode = new Map();
  let flashTimer = 0;
  /** The one live Range the layer measures marks with, set to each in turn. */
  const probe = doc.createRange();

  /** `range` (the probe unless given) set to mark `m`, or null when its nodes no longer hold its offsets. */
  function aim(m, range = probe) {
    try {
      range.setStart(m.range.startContainer, m.range.startOffset);
      range.setEnd(m.range.endContainer, m.range.endOffset);
      return range;
    } catch {
      return null;
    }
  }

  const clientRects = (m) => Array.from(aim(m)?.getClientRects() ?? []);

  function emit(reason) {
    for (const fn of listeners) {
      try {
        fn({ reason });
      } catch (e) {
        console.error('Caveat: a mark listener failed', e);
      }
    }
  }

  /** The registered Highlight of each drawn category (addMarks adds to them). */
  const drawnHighlights = new Map();

  /** The text span whose marks are registered (null: all of them). */
  let drawnSpan = null;
  let rendered = false; // whether the highlights were ever registered
  let longestMark = 0;
  let scrollFrame = 0;

  const windowed = () => !!currentMap && (marks.length > WINDOW_MIN_MARKS || currentMap.length > WINDOW_MIN_TEXT);

  function windowSpan() {
    if (!windowed()) return null;
    return visibleSpan(currentMap, doc, WINDOW_SCREENS);
  }

  const inSpan = (m, span) => !span || (m.end > span.start && m.start < span.end);
  const isDrawn = (m) => !m.hidden && enabled.get(m.category);
  const inTextOrder = (a, b) => a.start - b.start || a.end - b.end;
  /** Whether mark `m` touches `node`, measured with the probe. */
  const touches = (m, node) => !!aim(m)?.intersectsNode(node);

  /** The marks in `span` (all when null): `marks` is in text order. */
  function marksIn(span) {
    if (!span) return marks;
    let lo = 0;
    let hi = marks.length;
    // The first mark that may reach into the span: none is longer than `longestMark`.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid].start < span.start - longestMark) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo; i < marks.length && marks[i].start < span.end; i++) if (inSpan(marks[i], span)) out.push(marks[i]);
    return out;
  }

  /** After scrolling: move the window when the viewport has left its middle part. */
  function onScroll() {
    if (scrollFrame || !drawnSpan) return;
    scrollFrame = win.requestAnimationFrame(() => {
      scrollFrame = 0;
      const near = currentMap && visibleSpan(currentMap, doc, 1);
      if (near && drawnSpan && (near.start < drawnSpan.start || near.end > drawnSpan.end)) render();
    });
  }

  function render() {
    rendered = true;
    drawnHighlights.clear();
    drawnSpan = windowSpan();
    const drawable = marksIn(drawnSpan);
    for (const category of CATEGORIES) {
      const name = HIGHLIGHT_PREFIX + category;
      if (!enabled.get(category)) {
        registry.delete(name);
        continue;
      }
      // One range at a time: a long page has more marks than a call has arguments.
      const highlight = new HighlightCtor();
      for (const m of drawable) if (m.category === category && !m.hidden) highlight.add(m.range);
      // Registered even when empty: an analysed page with nothing to mark is then
      // told apart from one not analysed yet (an empty highlight draws nothing).
      highlight.priority = PRIORITY[category];
      registry.set(name, highlight);
      drawnHighlights.set(category, highlight);
    }
  }

  /**
   * Draw freshly added marks: into the registered highlights, registering new ones.
   * Returns how many of them were registered (none: the highlights did not change).
   */
  function renderAdded(added) {
    const drawn = (m) => isDrawn(m) && inSpan(m, drawnSpan);
    if (!drawnSpan && windowed()) {
      render(); // from now on, a window
      return added.filter(drawn).length;
    }
    let registered = 0;
    for (const m of added) {
      if (!drawn(m)) continue;
      registered++;
      let highlight = drawnHighlights.get(m.category);
      if (!highlight) {
        highlight = new HighlightCtor();
        highlight.priority = PRIORITY[m.category];
        registry.set(HIGHLIGHT_PREFIX + m.category, highlight);
        drawnHighlights.set(m.category, highlight);
      }
      highlight.add(m.range);
    }
    return registered;
  }

  /**
   * The mark for an annotation, or null when its text is gone or its category unknown.
   * @param {Annotation} a
   * @param {TextMap} textMap
   * @returns {Mark | null}
   */
  function makeMark(a, textMap) {
    if (!CATEGORIES.includes(a.category)) return null;
    const range = textMap.rangeOf(a.start, a.end);
    if (!range) return null;
    return {
      id: `${a.category}:${a.start}-${a.end}:${a.rule}`,
      category: a.category,
      rule: a.rule,
      start: a.start,
      end: a.end,
      text: textMap.text.slice(a.start, a.end),
      message: a.message,
      strength: a.strength,
      detail: a.detail ?? '',
      // A watch-list mark's entry as the reader wrote it (core/watchlist.js).
      ...(a.entry ? { entry: a.entry } : {}),
      hidden: false,
      range,
    };
  }

  function index(mark, textMap) {
    marks.push(mark);
    longestMark = Math.max(longestMark, mark.end - mark.start);
    byId.set(mark.id, mark);
    for (const node of textMap.nodesIn(mark.start, mark.end)) {
      let ids = byNode.get(node);
      if (!ids) byNode.set(node, (ids = []));
      ids.push(mark.id);
    }
  }

  /**
   * Whether `report` holds exactly the marks drawn already over `textMap` (a long page
   * drawn chunk by chunk, complete): then only the report changes.
   */
  function drawnAlready(report, textMap) {
    if (textMap !== currentMap || !rendered) return false;
    const ids = new Set();
    for (const a of report?.annotations ?? []) {
      const id = `${a.category}:${a.start}-${a.end}:${a.rule}`;
      if (!byId.has(id)) return false;
      ids.add(id);
    }
    return ids.size === marks.length;
  }

  /**
   * @param {Report} report
   * @param {TextMap} textMap
   */
  function setReport(report, textMap) {
    if (drawnAlready(report, textMap)) {
      current = report;
      emit('report');
      return;
    }
    const kept = textMap === currentMap ? byId : new Map();
    const drawnBefore = marks.length;
    current = report;
    currentMap = textMap;
    marks = [];
    longestMark = 0;
    byId = new Map();
    byNode = new Map();
    let reused = 0;
    for (const a of report?.annotations ?? []) {
      const id = `${a.category}:${a.start}-${a.end}:${a.rule}`;
      if (byId.has(id)) continue;
      let mark = kept.get(id);
      if (mark) reused++;
      else mark = makeMark(a, textMap);
      if (mark) index(mark, textMap);
    }
    adoptShadowStyles(textMap);
    marks.sort(inTextOrder);
    // A long page drawn chunk by chunk is complete already: no second drawing. A first
    // report with nothing to mark (a page in another language) still registers the
    // empty highlights: analysed, nothing to mark.
    if (reused !== drawnBefore || reused !== marks.length || !rendered) render();
    emit('report');
  }

  /** Adopt the marks' styles into the open shadow roots the text map reads. */
  function adoptShadowStyles(textMap) {
    for (const root of textMap.shadowRoots?.() ?? []) {
      if (!shadowStyles.has(root)) shadowStyles.set(root, installStyles(root));
    }
  }

  /**
   * @param {Annotation[]} annotations
   * @param {TextMap} textMap
   */
  function addMarks(annotations, textMap) {
    if (textMap !== currentMap) {
      // Marks over another text: start afresh.
      marks = [];
      longestMark = 0;
      byId = new Map();
      byNode = new Map();
      current = null;
      currentMap = textMap;
      render();
    }
    const added = [];
    for (const a of annotations) {
      if (byId.has(`${a.category}:${a.start}-${a.end}:${a.rule}`)) continue;
      const mark = makeMark(a, textMap);
      if (!mark) continue;
      index(mark, textMap);
      added.push(mark);
    }
    if (added.length === 0) return 0;
    adoptShadowStyles(textMap);
    marks.sort(inTextOrder);
    const registered = renderAdded(added);
    emit('marks');
    return registered;
  }

  function contains(rect, x, y) {
    return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
  }

  /**
   * Marks that might be under the point: those on the text node there, else those
   * registered (a point over an image or a button; on a long page only the marks near
   * the viewport are registered, and no other can be under a point in view).
   */
  function candidatesAt(x, y) {
    let node = null;
    if (typeof doc.caretPositionFromPoint === 'function') {
      node = doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      node = doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
    }
    const ids = node && byNode.get(node);
    if (ids) return ids.map((id) => byId.get(id));
    return node && node.nodeType === 3 ? [] : marksIn(drawnSpan);
  }

  /**
   * The drawn marks touching `node`, in text order: found through the text nodes it
   * holds (`byNode`), so a keyboard user tabbing through a long page's links does not
   * measure every mark at each step. An element holding none of the text read (an
   * image link inside a marked sentence) is measured against the marks drawn near
   * the viewport, as candidatesAt does: no other can hold what has focus on screen.
   */
  function marksOn(node) {
    const ids = new Set();
    let read = false; // whether `node` is or holds text of the map
    const add = (t) => {
      read ||= (currentMap?.locate(t, 0) ?? -1) >= 0;
      for (const id of byNode.get(t) ?? []) ids.add(id);
    };
    if (node.nodeType === 3) add(node);
    else if (node.nodeType === 1) {
      const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) add(t);
    }
    const found = read ? [...ids].map((id) => byId.get(id)) : marksIn(drawnSpan).filter((m) => touches(m, node));
    return found.filter(isDrawn).sort(inTextOrder);
  }

  function marksAt(x, y) {
    const hits = candidatesAt(x, y).filter(
      (m) => isDrawn(m) && clientRects(m).some((r) => contains(r, x, y)),
    );
    return hits.sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  return {
    setReport,
    addMarks,
    report: () => current,
    marks: () => marks.slice(),
    visibleMarks: () => marks.filter(isDrawn),
    mark: (id) => byId.get(id),
    setCategoryEnabled(category, on) {
      if (!enabled.has(category) || enabled.get(category) === !!on) return;
      enabled.set(category, !!on);
      render();
      emit('category');
    },
    isCategoryEnabled: (category) => !!enabled.get(category),
    hideMark(id) {
      const m = byId.get(id);
      if (!m || m.hidden) return;
      m.hidden = true;
      render();
      emit('hide');
    },
    showMark(id) {
      const m = byId.get(id);
      if (!m || !m.hidden) return;
      m.hidden = false;
      render();
      emit('show');
    },
    markAt: (x, y) => marksAt(x, y)[0] ?? null,
    marksAt,
    rectsOf(id) {
      const m = byId.get(id);
      return m ? clientRects(m) : [];
    },
    liveRange(id) {
      const m = byId.get(id);
      return m ? aim(m, doc.createRange()) : null;
    },
    intersectsNode(id, node) {
      const m = byId.get(id);
      return !!m && touches(m, node);
    },
    marksOn,
    scrollToMark(id, { block = 'center', behavior = 'smooth' } = {}) {
      const m = byId.get(id);
      const el = m?.range.startContainer.parentElement;
      if (!el) return false;
      el.scrollIntoView({ block, behavior });
      return true;
    },
    flash(id, ms = 900) {
      const m = byId.get(id);
      if (!m) return;
      const name = `${HIGHLIGHT_PREFIX}flash`;
      const highlight = new HighlightCtor(m.range);
      highlight.priority = 10;
      registry.set(name, highlight);
      win.clearTimeout(flashTimer);
      flashTimer = win.setTimeout(() => registry.delete(name), ms);
    },
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    clear() {
      for (const category of CATEGORIES) registry.delete(HIGHLIGHT_PREFIX + category);
      registry.delete(`${HIGHLIGHT_PREFIX}flash`);
      marks = [];
      byId = new Map();
      byNode = new Map();
      drawnHighlights.clear();
      drawnSpan = null;
      longestMark = 0;
      current = null;
      currentMap = null;
      emit('clear');
    },
    destroy() {
      this.clear();
      listeners.clear();
      win.removeEventListener('scroll', scrolled, { capture: true });
      win.removeEventListener('resize', scrolled);
      styles.remove();
      for (const shadowStyle of shadowStyles.values()) shadowStyle.remove();
      shadowStyles.clear();
    },
  };
}
