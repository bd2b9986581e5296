// @ts-check
/**
 * The page pipeline: collect the article text, analyse it, draw the marks; and again,
 * for what changed, when the page changes (single-page apps, infinite scroll, live
 * pages). The page must keep its main thread (a reader scrolling or typing must never
 * wait on Caveat: no long task of ours), so
 * - a text up to `WHOLE_TEXT_MAX` (core/chunks.js) is analysed in one call (a few ms);
 * - a longer one is analysed a chunk of paragraphs per task, the chunks in view first,
 *   yielding to the page between chunks, and drawn as the chunks arrive (first the
 *   marks in view, with those of the mark layer's window around it on a long text);
 * - every analysis goes through the engine's content-hash cache: a chunk (or text)
 *   already analysed is never analysed again, so a re-render, a toggle or a page
 *   rewriting the same text costs no analysis;
 * - changes are picked up by a MutationObserver (Caveat's own UI elements ignored),
 *   debounced, and handled at most once per `MIN_INTERVAL_MS`: a page rewriting its
 *   text every few ms gets at most one re-collection and redraw per interval.
 *
 *   const pipeline = createPipeline({ engine, layer, collect, doc, timings });
 *     layer    the mark layer, or a function making it (called once there is text)
 *     collect  () → TextMap (or a promise of one): the article text and its nodes
 *     onReport (report, textMap) after each report drawn (the first one mounts the UI)
 *   await pipeline.run();       // the first analysis; resolves to the report (or null: no text)
 *   pipeline.observe();         // follow the page's changes
 *   pipeline.refresh();         // analyse again though the text is the same (the reader's
 *                               // watch-list changed); marks swapped at once
 *   pipeline.textMap()          // the text currently marked
 *   pipeline.stop();
 */
import { mergeReports, planChunks, shiftReport } from '../core/chunks.js';
import { yieldToPage } from '../core/tasks.js';
import { WINDOW_MIN_TEXT, WINDOW_SCREENS, visibleSpan } from './marks.js';

/** @typedef {import('../core/report.js').Report} Report */
/** @typedef {import('./text-map.js').TextMap} TextMap */

/** Work done in one task before giving the page its main thread back. */
export const SLICE_MS = 8;
/** While a long page is analysed, its new marks are drawn at most this often (each draw costs a repaint). */
export const DRAW_EVERY_MS = 100;
/**
 * ...and at least every this many marks: a page of megabytes whose chunks come from the
 * cache (analysed ahead) runs through them fast, and drawing what piled up meanwhile in
 * one go (8,000 marks on 5 MB: their Ranges, indexes and highlights) was a long task.
 */
export const DRAW_MAX_MARKS = 1000;
/** Quiet time after a change before the page is collected again. */
export const DEBOUNCE_MS = 200;
/** At most one re-collection per this interval, however often the page changes. */
export const MIN_INTERVAL_MS = 1000;
/** Elements of Caveat's own UI (`<caveat-card>`, `<caveat-ui>`): their changes are ours. */
const OWN_TAG_PREFIX = 'CAVEAT-';


/**
 * The text the first drawing covers: the viewport, and on a long text as far around
 * it as the mark layer registers marks (its window). With decorated highlights,
 * Chromium recomputes the visual overflow of every marked text node's containers on
 * each change to the highlights (a walk over all their children: 20-30 ms on a 5 MB
 * page whose paragraphs share one parent), so the window's marks are registered in
 * one change, and the chunks drawn after it, outside the window, change nothing.
 */
function firstSpan(textMap, doc) {
  return visibleSpan(textMap, doc, textMap.length > WINDOW_MIN_TEXT ? WINDOW_SCREENS : 0);
}

/** Chunk indexes: those overlapping `span`, then below it, then above it (nearest first). */
function visibleFirst(chunks, span) {
  const overlapping = [];
  const below = [];
  const above = [];
  chunks.forEach((c, i) => {
    if (c.end > span.start && c.start < Math.max(span.end, span.start + 1)) overlapping.push(i);
    else if (c.start >= span.end) below.push(i);
    else above.push(i);
  });
  return { visible: overlapping, order: [...overlapping, ...below, ...above.reverse()] };
}

/**
 * The order `analyseAhead` and the pipeline analyse `chunks` of `textMap` in, the same
 * for both (`visibleFirst` of `firstSpan`), and the chunks the first drawing waits for.
 */
function chunkOrder(chunks, textMap, doc) {
  return chunks.length > 1 ? visibleFirst(chunks, firstSpan(textMap, doc)) : { visible: [0], order: [0] };
}

/** The call that analyses chunk `c` of `text` (the same text and offset, hence the same cache entry, everywhere). */
function analyseChunk(engine, text, c) {
  const part = c.from === 0 && c.end === text.length ? text : text.slice(c.from, c.end);
  return engine.analyze(part, c.start - c.from);
}

/**
 * Analyse `textMap`'s chunks in the order the pipeline will (those in view first),
 * drawing nothing: the reports wait in the engine's cache for the pipeline's first
 * run. For a page whose text is ready before Caveat knows whether to mark it (page/main.js).
 * Stops when `stop()` says so (the pipeline has started: it goes on from the cache).
 * @param {ReturnType<typeof import('../core/watchlist.js').withWatchlist>} engine
 * @param {TextMap} textMap
 * @param {{ doc?: Document, stop?: () => boolean, now?: () => number }} [options]
 */
export async function analyseAhead(engine, textMap, { doc = document, stop = () => false, now = () => performance.now() } = {}) {
  const win = doc.defaultView ?? globalThis;
  const chunks = planChunks(textMap.text);
  const { visible, order } = chunkOrder(chunks, textMap, doc);
  let left = visible.length;
  let sliceStart = now();
  for (const i of order) {
    if (stop()) return;
    await analyseChunk(engine, textMap.text, chunks[i]);
    left--;
    if (chunks.length > 1 && now() - sliceStart > SLICE_MS) {
      await yieldToPage(win, left > 0 ? 'user-visible' : 'background');
      sliceStart = now();
    }
  }
}

/** Whether a mutation is only Caveat's own UI coming, going or changing. */
function isOwn(record) {
  const own = (n) => n?.nodeType === 1 && n.tagName.startsWith(OWN_TAG_PREFIX);
  const inOwn = (n) => {
    for (let el = n?.nodeType === 1 ? n : n?.parentElement; el; el = el.parentElement) if (own(el)) return true;
    return false;
  };
  if (inOwn(record.target)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(own);
}

/** Same text over the same nodes: nothing to redo. */
function sameMap(a, b) {
  if (!a || a.length !== b.length || a.segments.length !== b.segments.length || a.text !== b.text) return false;
  return a.segments.every((s, i) => s.node === b.segments[i].node && s.nodeOffset === b.segments[i].nodeOffset);
}

/**
 * @param {object} options
 * @param {ReturnType<typeof import('../core/watchlist.js').withWatchlist>} options.engine
 * @param {any} options.layer the mark layer (page/marks.js), or a function making it
 * @param {() => TextMap | Promise<TextMap>} options.collect
 * @param {Document} [options.doc]
 * @param {any} [options.timings] where the steps' times are written (page/timings.js)
 * @param {(report: Report, textMap: TextMap) => void} [options.onReport]
 * @param {() => number} [options.now]
 */
export function createPipeline({
  engine,
  layer,
  collect,
  doc = document,
  timings = {},
  onReport = () => {},
  now = () => performance.now(),
}) {
  const win = doc.defaultView ?? globalThis;
  let theLayer = typeof layer === 'function' ? null : layer;
  const getLayer = () => (theLayer ??= layer());
  let currentMap = null;
  let generation = 0;
  let observer = null;
  let debounceTimer = 0;
  let lastRunAt = -Infinity;
  let running = null;
  let rerun = false;
  timings.updates = 0;
  timings.chunks = 0;

  const lap = (name) => {
    timings[name] = now() - (timings.startedAt ?? 0);
  };

  /**
   * Analyse `textMap`, the chunks in view first. `progressive`: draw as chunks arrive
   * (a first drawing); else swap the marks at once when all is analysed (an update,
   * so that the marks never blink).
   */
  async function analyse(textMap, { progressive }) {
    const mine = generation;
    const text = textMap.text;
    const chunks = planChunks(text);
    timings.chunks = chunks.length;
    if (chunks.length > 1) {
      // Joining a long text and planning its chunks took a slice already.
      await yieldToPage(win);
      if (mine !== generation) return null;
    }
    const { visible, order } = chunkOrder(chunks, textMap, doc);
    const reports = new Array(chunks.length);
    let pending = [];
    let sliceStart = now();
    let drawnAt = -Infinity;
    let left = visible.length;
    const draw = () => {
      // Each draw that registers marks is a change to the highlights, hence a repaint.
      if (getLayer().addMarks(pending, textMap) > 0) timings.highlightChanges = (timings.highlightChanges ?? 0) + 1;
      timings.mostMarksDrawn = Math.max(timings.mostMarksDrawn ?? 0, pending.length);
      pending = [];
      drawnAt = now();
    };
    for (const i of order) {
      const c = chunks[i];
      const report = await analyseChunk(engine, text, c);
      if (mine !== generation) return null; // the page changed meanwhile: a newer run owns it
      reports[i] = shiftReport(report, c.from);
      if (progressive) pending.push(...reports[i].annotations);
      if (--left === 0 && progressive && chunks.length > 1) {
        draw();
        lap('firstMarks');
      }
      const full = progressive && left < 0 && pending.length >= DRAW_MAX_MARKS;
      if (chunks.length > 1 && (full || now() - sliceStart > SLICE_MS)) {
        if (full || (progressive && left < 0 && now() - drawnAt > DRAW_EVERY_MS)) draw();
        await yieldToPage(win, left > 0 ? 'user-visible' : 'background');
        if (mine !== generation) return null;
        sliceStart = now();
      }
    }
    if (progressive && chunks.length > 1 && pending.length > 0) {
      // The last marks drawn in a task of their own: the report that follows adds none.
      draw();
      await yieldToPage(win, 'background');
      if (mine !== generation) return null;
    }
    const merged = mergeReports(reports);
    getLayer().setReport(merged, textMap);
    if (progressive && chunks.length === 1) lap('firstMarks');
    return merged;
  }

  async function runOnce({ progressive }) {
    const mine = ++generation;
    lastRunAt = now();
    const textMap = await collect();
    if (mine !== generation) return null;
    lap('collected');
    if (sameMap(currentMap, textMap)) return theLayer?.report() ?? null;
    if (!/\S/.test(textMap.text)) {
      currentMap = textMap;
      theLayer?.clear();
      return null;
    }
    const report = await analyse(textMap, { progressive });
    if (report) {
      currentMap = textMap;
      lap('allMarks');
      onReport(report, textMap);
    }
    return report;
  }

  /** Run now, or once more after the current run when one is going on. */
  function update() {
    if (running) {
      rerun = true;
      return running;
    }
    running = runOnce({ progressive: !theLayer?.report() })
      .catch((e) => {
        console.error('Caveat: could not mark this page', e);
        return null;
      })
      .finally(() => {
        running = null;
        lap('done');
        if (rerun) {
          rerun = false;
          schedule();
        }
      });
    return running;
  }

  function schedule() {
    win.clearTimeout(debounceTimer);
    const wait = Math.max(DEBOUNCE_MS, lastRunAt + MIN_INTERVAL_MS - now());
    debounceTimer = win.setTimeout(() => {
      timings.updates++;
      update().then(() => {
        timings.updatesDone = (timings.updatesDone ?? 0) + 1;
      });
    }, wait);
  }

  return {
    run: update,
    refresh() {
      currentMap = null;
      return update();
    },
    observe() {
      if (observer || typeof win.MutationObserver !== 'function') return;
      observer = new win.MutationObserver((records) => {
        if (records.every(isOwn)) return;
        schedule();
      });
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    },
    textMap: () => currentMap,
    layer: () => theLayer,
    stop() {
      observer?.disconnect();
      observer = null;
      win.clearTimeout(debounceTimer);
      generation++;
    },
  };
}
