/**
 * The content script's page work, loaded by content/loader.js: collect the
 * article text, analyse it (here, or in the background when the page's CSP
 * forbids Wasm in content scripts), draw the marks, wire the hover card, and
 * follow the page's changes (page/pipeline.js: long pages in chunks, visible
 * part first; changed pages re-analysed only where they changed).
 * The same code runs in both cases: only the text and the report cross.
 * The reading UI is mounted through page/mount-ui.js.
 */
import { canCompileWasm, createEngine, localBackend, MODELS, modelStatus, remoteBackend, wasmMemoryBytes } from '../core/engine.js';
import { chooseWatch, followWatchlist, withWatchlist } from '../core/watchlist.js';
import { settingsFor } from '../ui/settings.js';
import { collectTextInSlices } from './collect.js';
import { createMarkLayer, highlightsSupported } from './marks.js';
import { mountUi } from './mount-ui.js';
import { createPipeline, yieldToPage } from './pipeline.js';

/**
 * Where the analysis runs: 'local' (this content script) or 'remote' (the background).
 * `wasm`: the core's module, compiled by the loader, which has found out whether
 * Wasm may be compiled here (null: it may not; undefined: not asked yet).
 * `models`: the loader's promise of requests for the model files that are there, by
 * name (a model it did not request is missing; without the loader they are fetched
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
const timings = {};
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
 * Start Caveat on this page once; resolves to the page state (for the UI layer).
 * `startedAt`: when the content script started; `wasm`, `models`: see chooseBackend.
 */
export function start(api, { startedAt = performance.now(), wasm, models } = {}) {
  timings.startedAt ??= startedAt;
  started ??= run(api, wasm, models);
  return started;
}

const lap = (name) => {
  timings[name] = performance.now() - timings.startedAt;
};

async function run(api, wasm, models) {
  lap('moduleLoaded');
  if (!highlightsSupported(window)) return null; // nothing can be drawn: stay out of the way
  // The reader's watch-list rides on the engine; its module loads only once the list has an entry.
  engine = withWatchlist(createEngine(chooseBackend(api, wasm, models)), chooseWatch(api, wasm));
  // Loading the rules loads the Wasm: it compiles while the page text is collected.
  const rules = engine.rules();
  rules.then(() => lap('wasmReady'), () => {});
  const state = { engine, rules: null, layer: null, ui: null, pipeline: null, textMap: null };
  pageState = state;
  // The reading UI comes with the first marks: at once on an article page, later
  // on a single-page app that renders its article after the page loaded.
  const mount = async (report, textMap) => {
    state.textMap = textMap;
    if (state.ui) return;
    state.rules = await rules;
    state.ui ??= mountUi({ api, doc: document, layer: state.layer, rules: state.rules, engine, textMap });
  };
  let mounted = Promise.resolve();
  state.pipeline = createPipeline({
    engine,
    // The marks' styles come with the manifest (page/marks.css): adopting them now
    // would restyle the whole page.
    layer: () => (state.layer = createMarkLayer({ doc: document, adoptStyles: false })),
    collect: () => collectTextInSlices({ yieldToPage: () => yieldToPage(window) }),
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
