// @ts-check
/**
 * The content script's page work, started by content/controller.js once Caveat runs on
 * this page (content/caveat.js, after content/boot.js): collect the
 * article text, analyse it (here, or in the background when the page's CSP
 * forbids Wasm in content scripts), draw the marks, wire the hover card, and
 * follow the page's changes (page/pipeline.js: long pages in chunks, visible
 * part first; changed pages re-analysed only where they changed).
 * The same code runs in both cases: only the text and the report cross.
 * The reading UI is not imported here: the controller passes `mountUi` to `start`,
 * so the page work depends on core/ only and ui/ never on page/ (DESIGN.md).
 */
import { CATEGORIES } from '../core/categories.js';
import { canCompileWasm, createEngine, localBackend, MODELS, modelStatus, remoteBackend, wasmMemoryBytes } from '../core/engine.js';
import { isNeverMarked, settingsFor } from '../core/settings.js';
import { yieldToPage } from '../core/tasks.js';
import { chooseWatch, followWatchlist, withWatchlist } from '../core/watchlist.js';
import { collectTextInSlices } from './collect.js';
import { createMarkLayer, highlightsSupported } from './marks.js';
import { analyseAhead as analyseChunksAhead, createPipeline } from './pipeline.js';
import { lap, timings } from './timings.js';

/** @typedef {import('../core/report.js').RuleDoc} RuleDoc */
/**
 * What content/boot.js began for this page (see chooseBackend and start).
 * @typedef {object} StartOptions
 * @property {number} [startedAt]
 * @property {Promise<WebAssembly.Module> | null} [wasm]
 * @property {() => Promise<Record<string, Promise<Response>>>} [models]
 */

/**
 * Where the analysis runs: 'local' (this content script) or 'remote' (the background).
 * `wasm`: the core's module, compiled by content/boot.js, which has found out whether
 * Wasm may be compiled here (null: it may not; undefined: not asked yet).
 * `models`: a promise of requests for the model files that are there, by name
 * (content/boot.js's; a model not requested is missing; without it they are fetched
 * here from the extension's own URL).
 */
export function chooseBackend(api, wasm, models) {
  if (wasm === undefined ? canCompileWasm() : wasm !== null) {
    const url = api.runtime.getURL('wasm/caveat_bg.wasm');
    const source = (name) => (models ? Promise.resolve(models).then((m) => m?.[name] ?? null) : api.runtime.getURL(`wasm/${name}.bin`));
    const sources = Object.fromEntries(MODELS.map((name) => [name, source(name)]));
    // Should the early compile have failed, the glue fetches the module itself.
    return localBackend(wasm ? wasm.catch(() => url) : url, { models: sources });
  }
  return remoteBackend((message) => api.runtime.sendMessage(message));
}

let started = null;

/**
 * Timings in ms since the content script started, and counters (for the benchmark
 * and the tests; readable in the content script's world as `caveatPage`).
 */
let engine = null;
let pageState = null;
globalThis.caveatPage = {
  timings,
  wasmMemoryBytes,
  modelStatus,
  get analyses() {
    return engine?.analyses ?? 0;
  },
  get marks() {
    return pageState?.layer?.marks().length ?? 0;
  },
};

/**
 * Start Caveat on this page once; resolves to the page state (for the controller).
 * `startedAt`: when the content script started; `wasm`: see chooseBackend; `models()`:
 * content/boot.js's requests for the model files (made now, once the page is to be
 * marked, unless the page looked like an article when boot.js ran: made then).
 * `mountUi({ api, doc, layer, rules, engine, textMap })`: mounts the reading UI once the
 * first marks are drawn and returns it ({ toggleSidebar, nextMark, previousMark,
 * setActive, destroy, … }: ui/reading-ui.js); without it the page is marked with no UI.
 */
/**
 * @param {any} api
 * @param {StartOptions & { mountUi?: (parts: { api: any, doc: Document, layer: any, rules: RuleDoc[], engine: any, textMap: any }) => any }} [options]
 */
export function start(api, { startedAt = performance.now(), wasm, models, mountUi = () => null } = {}) {
  timings.startedAt ??= startedAt;
  started ??= run(api, wasm, models, mountUi);
  return started;
}

/**
 * The engine of this page, made once, and the core got ready: the Wasm instantiated
 * and warmed up, the models installed (core/engine.js), while the page text is
 * collected. content/caveat.js calls it before the settings are read when the page
 * looks like an article (content/boot.js), `start` otherwise.
 */
/**
 * @param {any} api
 * @param {StartOptions} [options]
 */
export function prepare(api, { startedAt = performance.now(), wasm, models } = {}) {
  timings.startedAt ??= startedAt;
  if (!engine) {
    const local = wasm === undefined ? canCompileWasm() : wasm !== null;
    // The reader's watch-list rides on the engine; its module loads only once the list has an entry.
    engine = withWatchlist(createEngine(chooseBackend(api, wasm, local ? (models?.() ?? null) : null)), chooseWatch(api, wasm));
    engine.prepare({ lap }).then(() => lap('wasmReady'), () => {});
  }
  return engine;
}

const collectArticle = () => collectTextInSlices({ yieldToPage: () => yieldToPage(window) });

/** The text analyseAhead collected, and whether the page has changed since it began. */
let collectedAhead = null;

/** The pipeline's collection: analyseAhead's text the first time, when the page has not changed since. */
function collect() {
  const ahead = collectedAhead;
  collectedAhead = null;
  if (!ahead) return collectArticle();
  return ahead.collected.then(
    (textMap) => {
      const unchanged = ahead.unchanged();
      ahead.stop();
      return unchanged ? textMap : collectArticle();
    },
    () => collectArticle(),
  );
}

/**
 * On a page that is an article, before the settings say whether to mark it: collect
 * its text and analyse it as the pipeline will (page/pipeline.js), so that the
 * reports wait in the engine's cache (keyed by the text) when `start` asks for them.
 * Nothing is drawn here; a page Caveat is not to mark never shows any of it. Stops
 * when `start` begins (its pipeline goes on from the cache).
 */
export function analyseAhead(api, startOptions) {
  if (started) return Promise.resolve(null); // the settings came first: `start` does it all
  const ahead = prepare(api, startOptions);
  // After the page's kind was decided, in a task of its own.
  const collected = yieldToPage(window).then(collectArticle);
  // The pipeline's first run reads the text collected here, if the page has not changed since.
  if (typeof MutationObserver === 'function') {
    const changes = new MutationObserver(() => {});
    changes.observe(document.documentElement, {
      childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'],
    });
    collectedAhead = { collected, unchanged: () => changes.takeRecords().length === 0, stop: () => changes.disconnect() };
  }
  return collected
    .then((textMap) => {
      lap('collectedAhead');
      if (started || !/\S/.test(textMap.text)) return null;
      return analyseChunksAhead(ahead, textMap, { doc: document, stop: () => !!started });
    })
    .then(() => lap('analysedAhead'))
    .catch(() => null); // the pipeline will find out, and say
}

/**
 * Until the reading UI takes over (ui/suppression.js, ui/reading-ui.js), the layer
 * follows the reader's settings itself: categories turned off and phrases never to be
 * marked are not drawn, not even for the frame before the UI is mounted.
 */
function followSettings(layer, settings) {
  const s = settings.get();
  for (const c of CATEGORIES) layer.setCategoryEnabled(c, s.categories?.[c] !== false);
  const hideNeverMarked = () => {
    const current = settings.get();
    if (!current.neverMark?.length) return;
    for (const m of layer.marks()) if (!m.hidden && isNeverMarked(current, m)) layer.hideMark(m.id);
  };
  return layer.onChange(({ reason }) => {
    if (reason === 'report' || reason === 'marks') hideNeverMarked();
  });
}

async function run(api, wasm, models, mountUi) {
  lap('started');
  if (!highlightsSupported(window)) return null; // nothing can be drawn: stay out of the way
  prepare(api, { wasm, models });
  const state = { engine, rules: null, layer: null, ui: null, pipeline: null, textMap: null };
  pageState = state;
  // The reading UI comes after the first marks, in a task of its own (the marks are
  // painted first): at once on an article page, later on a single-page app that
  // renders its article after the page loaded. The rules' docs (the cards' text)
  // are read from the core then, not before the marks.
  let unfollow = () => {};
  const mount = async (report, textMap) => {
    state.textMap = textMap;
    if (state.ui) return;
    await yieldToPage(window, 'background');
    state.rules = await engine.rules();
    if (state.ui) return;
    unfollow();
    state.ui = mountUi({ api, doc: document, layer: state.layer, rules: state.rules, engine, textMap });
  };
  let mounted = Promise.resolve();
  state.pipeline = createPipeline({
    engine,
    // The marks' styles come with the manifest (page/marks.css): adopting them now
    // would restyle the whole page.
    layer: () => {
      state.layer = createMarkLayer({ doc: document, adoptStyles: false });
      unfollow = followSettings(state.layer, settingsFor(api));
      return state.layer;
    },
    collect,
    doc: document,
    timings,
    onReport: (report, textMap) => {
      mounted = mount(report, textMap).catch((e) => console.error('Caveat: the reading UI failed', e));
    },
  });
  followWatchlist(settingsFor(api), engine, () => state.pipeline.refresh());
  await state.pipeline.run();
  await mounted;
  state.pipeline.observe();
  return state;
}
