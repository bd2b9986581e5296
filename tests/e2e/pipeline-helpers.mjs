// Helpers for the page-pipeline tests (and bench/browser/run.mjs): reading Caveat's
// state in the content script's isolated world over CDP, and snapshots of what a
// page's own code and layout look like, to compare runs with and without Caveat.

/**
 * The content script's world on `page` (Chromium, over CDP). `evaluate(expression)`
 * runs a JS expression there (awaiting promises) and returns its JSON value.
 */
export async function contentWorld(context, page) {
  const cdp = await context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  cdp.on('Runtime.executionContextsCleared', () => contexts.splice(0));
  await cdp.send('Runtime.enable');
  const ours = () => contexts.filter((c) => c.auxData?.type === 'isolated' && c.name === 'Caveat').reverse();
  async function evaluate(expression) {
    for (const c of ours()) {
      const { result, exceptionDetails } = await cdp
        .send('Runtime.evaluate', { expression, contextId: c.id, returnByValue: true, awaitPromise: true })
        .catch(() => ({ exceptionDetails: true }));
      if (!exceptionDetails) return result.value;
    }
    return undefined;
  }
  return {
    cdp,
    evaluate,
    /** Caveat's timings and counters (`caveatPage` in page/main.js), or undefined before it starts. */
    state: () =>
      evaluate(
        'globalThis.caveatPage && { ...globalThis.caveatPage.timings, analyses: globalThis.caveatPage.analyses, marks: globalThis.caveatPage.marks, wasmMemory: globalThis.caveatPage.wasmMemoryBytes() }',
      ),
    /** Poll until `test(state)` holds; resolves to that state. */
    async until(test, { timeout = 60_000, what = 'Caveat' } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const s = await this.state().catch(() => undefined);
        if (s && test(s)) return s;
        if (Date.now() > deadline) throw new Error(`${what}: timed out; last state ${JSON.stringify(s)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/**
 * Page probes, installed before the page's own scripts: layout shifts and long
 * tasks as the page itself would see them (PerformanceObserver).
 */
export function installProbes() {
  window.__probes = { layoutShift: 0, shifted: [], longtasks: [] };
  const describe = (node) => {
    if (!node) return 'gone';
    const siblings = node.parentNode ? Array.from(node.parentNode.childNodes) : [];
    return `${node.nodeName}${node.id ? `#${node.id}` : ''}@${siblings.indexOf(node)}`;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__probes.layoutShift += e.value;
      for (const s of e.sources ?? []) window.__probes.shifted.push(describe(s.node));
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__probes.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * In the page: what its own code and layout amount to. The DOM text as a length
 * and a hash (pages can be megabytes), its scripts' `pageResults` (minus the keys
 * named in `volatile`, which depend on timing), the boxes of the article's first
 * blocks, the layout shift so far and the elements it moved.
 */
export function pageSnapshot({ article, volatile = [] }) {
  const text = document.documentElement.textContent;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const results = { ...window.pageResults };
  for (const k of volatile) delete results[k];
  const boxes = Array.from(document.querySelector(article)?.children ?? [])
    .slice(0, 40)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
    });
  return {
    textLength: text.length,
    textHash: h >>> 0,
    results,
    boxes,
    layoutShift: window.__probes?.layoutShift ?? 0,
    shifted: [...new Set(window.__probes?.shifted ?? [])].sort(),
  };
}

/** In the page: the strings under each Caveat highlight, per category, sorted. */
export function highlightTexts() {
  const out = {};
  // The layer registers StaticRanges: a live Range over the same span reads its text.
  const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
  for (const c of ['hedging', 'sourcing', 'translation']) {
    const h = CSS.highlights.get(`caveat-${c}`);
    out[c] = h ? Array.from(h, (r) => live(r).toString()).sort() : [];
  }
  return out;
}

/** The strings a report marks, per category, sorted (to compare with highlightTexts). */
export function reportTexts(report, text) {
  const out = { hedging: [], sourcing: [], translation: [] };
  for (const a of report.annotations) out[a.category]?.push(text.slice(a.start, a.end));
  for (const c of Object.keys(out)) out[c].sort();
  return out;
}
