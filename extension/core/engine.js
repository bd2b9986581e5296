// @ts-check
/**
 * The analysis engine: the Wasm core behind one small async interface, with a
 * cache keyed by content hash so that re-rendering or toggling never re-analyses.
 *
 *   const engine = createEngine(backend);        // backend: { analyze(text), rules() }
 *   const report = await engine.analyze(text);   // { annotations, attributions, summary }
 *   const part = await engine.analyze(text, from); // only what starts at or after `from`:
 *                                                   // the text before is context (core/chunks.js)
 *   const rules  = await engine.rules();         // [{ id, category, name, message, why, example }]
 *
 * Backends: `localBackend()` runs the Wasm in this context (content script, service
 * worker, playground); `remoteBackend(send)` asks someone else who runs it (the
 * content script asks the service worker when the page's CSP forbids Wasm).
 * Only plain data crosses: text in, report out.
 *
 * Learned models (`MODELS`) are data files beside the Wasm (`wasm/<name>.bin`), not
 * part of it: a local backend fetches them when the Wasm is first needed, in parallel
 * with its compile, and installs them before the first analysis. A missing or bad
 * file costs only what needs it (the rules still mark; the translation verdict says
 * it is unavailable), silently: the page's console is not ours to write to.
 */
import initWasm, {
  initSync as initWasmSync,
  analyze as wasmAnalyze,
  analyzeFrom as wasmAnalyzeFrom,
  loadModel as wasmLoadModel,
  rules as wasmRules,
} from '../wasm/caveat.js';
import { yieldToPage } from './tasks.js';

/** @typedef {import('./report.js').Report} Report */
/** @typedef {import('./report.js').RuleDoc} RuleDoc */
/** @typedef {(step: string) => void} Lap told each step's end (page/timings.js) */
/**
 * Where the Wasm module comes from: a URL, or the module compiled already (or a promise
 * of it, or of a URL to fall back on).
 * @typedef {string | URL | WebAssembly.Module | Promise<WebAssembly.Module | string | URL>} WasmSource
 */
/**
 * What runs the core (here, or in another context).
 * @typedef {object} Backend
 * @property {'local' | 'remote'} kind
 * @property {(text: string, from?: number) => Promise<Report>} analyze
 * @property {() => Promise<RuleDoc[]>} rules
 * @property {(options?: { lap?: Lap }) => Promise<void>} [prepare]
 */

/**
 * The learned models the core reads, by name: each is fetched from `wasm/<name>.bin`
 * (`cargo xtask build` copies them there: MODELS in xtask/src/build.rs) and given
 * to the core's `loadModel(name, bytes)`. The content script fetches those its
 * manifest makes web accessible (content/boot.js), on a likely article at once.
 */
export const MODELS = ['translation', 'tagger', 'gate'];

/** Messages between the content script and the service worker. */
export const MSG_ANALYZE = 'caveat/analyze';
export const MSG_RULES = 'caveat/rules';
/**
 * Larger texts are refused at the boundary, by both sides (a page is rarely over
 * 2 MB of text; the core takes about a second for 10 MB).
 */
export const MAX_TEXT_UTF16 = 16 * 1024 * 1024;

// The smallest valid module: `\0asm`, version 1. Compiling it tells whether this
// context may compile Wasm at all without downloading the real module.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** Whether Wasm may be compiled here (Chromium content scripts follow the page's CSP). */
export function canCompileWasm() {
  try {
    return new WebAssembly.Module(EMPTY_MODULE) instanceof WebAssembly.Module;
  } catch {
    return false;
  }
}

let wasmReady = null;
let wasmExports = null;

/**
 * Instantiate the Wasm core once per context. `wasmUrl` defaults to the file beside the
 * glue; it may also be a compiled `WebAssembly.Module` or a promise of one (the content
 * script's loader compiles the module while the page modules load).
 */
/** @param {WasmSource} [wasmUrl] */
export function loadWasm(wasmUrl) {
  wasmReady ??= instantiate(wasmUrl).then((exports) => {
    wasmExports = exports;
    return exports;
  });
  return wasmReady;
}

/**
 * A module compiled already is instantiated at once, in the task where its compile
 * ends: `WebAssembly.instantiate` would resolve in a later task, behind whatever the
 * page has queued meanwhile. The instance is the same; only a URL (or a failed early
 * compile) takes the asynchronous path.
 * @param {WasmSource} [source]
 */
async function instantiate(source) {
  const module = await source;
  if (module instanceof WebAssembly.Module) {
    try {
      return initWasmSync({ module });
    } catch {
      // Refused synchronously (an engine's size limit): the asynchronous path below.
    }
  }
  return initWasm(module ? { module_or_path: module } : undefined);
}

/** Bytes of Wasm linear memory in this context (0 before the core is loaded). */
export function wasmMemoryBytes() {
  return wasmExports?.memory?.buffer.byteLength ?? 0;
}

/** Where a model's file is: beside the Wasm (this module is core/engine.js, the Wasm in wasm/). */
export function modelUrl(name) {
  return new URL(`../wasm/${name}.bin`, import.meta.url).href;
}

/**
 * A model file's bytes, or null when it cannot be had (missing, unreadable). `source`:
 * a URL, or bytes / a promise of bytes or of a Response already under way (the loader's).
 * Never rejects: a missing model is a state, not an error.
 */
export async function modelBytes(source) {
  try {
    // Our own packaged file (an extension URL, or the playground's own), never the network.
    // eslint-disable-next-line no-restricted-globals
    const got = await (typeof source === 'string' || source instanceof URL ? fetch(source) : source);
    if (got == null) return null;
    if (got instanceof ArrayBuffer) return new Uint8Array(got);
    if (ArrayBuffer.isView(got)) return new Uint8Array(got.buffer, got.byteOffset, got.byteLength);
    // A Response (duck-typed: the loader's comes from another realm in Firefox).
    if (got.ok === false || typeof got.arrayBuffer !== 'function') return null;
    return new Uint8Array(await got.arrayBuffer());
  } catch {
    return null;
  }
}

/**
 * Each model's state in this context: 'loaded', 'missing' (no file), or why the core
 * refused its file. Empty until the models have been tried. For tests and diagnostics.
 */
const modelStates = {};
export function modelStatus() {
  return { ...modelStates };
}

let modelsFetched = null;

/** Start fetching every model once per context (`sources[name]` overrides where from): [name, promise of bytes]. */
function fetchModels(sources = {}) {
  modelsFetched ??= MODELS.map((name) => [name, modelBytes(sources[name] ?? modelUrl(name))]);
  return modelsFetched;
}

/**
 * A short text through most of the core's code paths. Wasm functions are compiled
 * on their first call: analysing this once, in a task of its own, while the models
 * and the page's text are still on their way, takes most of that cost out of the
 * first real analysis (on a long page, out of the first chunk's task), which would
 * otherwise be one long task.
 */
const WARM_UP_TEXT =
  'The minister allegedly said on Friday that the deal may be close, officials said.\n\n' +
  '“It is believed to be true,” a source familiar with the matter said. he said . .';

let ready = null;

/**
 * Instantiate the core, warm it up, and install the
 * fetched models, each in a task of its own (a model takes a few ms to read, the
 * warm-up a few more: together they would make one long task); resolves in a task
 * of its own too, once, so that the first analysis starts a fresh task. A missing
 * or refused model file leaves the core without it.
 */
/**
 * @param {WasmSource | undefined} wasmUrl
 * @param {Record<string, unknown> | undefined} sources
 * @param {Lap} [lap]
 * @returns {Promise<void>}
 */
function readyWasm(wasmUrl, sources, lap = () => {}) {
  ready ??= (async () => {
    const files = fetchModels(sources);
    await loadWasm(wasmUrl);
    lap('wasmInstantiated');
    await yieldToPage();
    wasmAnalyze(WARM_UP_TEXT);
    lap('warmedUp');
    for (const [name, fetched] of files) {
      const bytes = await fetched;
      if (!bytes) {
        modelStates[name] = 'missing';
        continue;
      }
      await yieldToPage();
      try {
        wasmLoadModel(name, bytes);
        modelStates[name] = 'loaded';
      } catch (e) {
        modelStates[name] = String(e?.message ?? e);
      }
    }
    lap('modelsInstalled');
    await yieldToPage();
  })();
  return ready;
}

/**
 * Runs the Wasm core in this context. `wasmUrl`: as loadWasm's. `models`: where each
 * model comes from, `{ [name]: url | bytes | promise of bytes or a Response }`
 * (default: `modelUrl(name)`); fetched as soon as the core is first needed (a call to
 * `prepare`, `rules` or `analyze`), installed before the first analysis.
 * @param {WasmSource} [wasmUrl]
 * @param {{ models?: Record<string, unknown> }} [options]
 * @returns {Backend}
 */
export function localBackend(wasmUrl, { models } = {}) {
  return {
    kind: 'local',
    async analyze(text, from = 0) {
      await readyWasm(wasmUrl, models);
      return from > 0 ? wasmAnalyzeFrom(text, from) : wasmAnalyze(text);
    },
    /** Load the core and its models now (before the text is there); `lap(step)` is told each step's end. */
    prepare: ({ lap } = {}) => readyWasm(wasmUrl, models, lap),
    async rules() {
      await loadWasm(wasmUrl);
      return wasmRules();
    },
  };
}

/**
 * Asks another context that runs the core; `send(message)` resolves to its reply.
 * Texts the other side would refuse are refused here (nothing is sent), and a reply
 * of the wrong shape is an error, never a report.
 * @param {(message: object) => Promise<any>} send
 * @returns {Backend}
 */
export function remoteBackend(send) {
  const call = async (message, isValue) => {
    const reply = await send(message);
    if (!reply || typeof reply !== 'object') throw new Error('caveat: no reply from the background');
    if (reply.ok !== true) throw new Error(`caveat: the background refused: ${reply.error}`);
    if (!isValue(reply.value)) throw new Error('caveat: the background sent a malformed reply');
    return reply.value;
  };
  return {
    kind: 'remote',
    analyze(text, from = 0) {
      const problem = textProblem(text) ?? fromProblem(text, from);
      if (problem) return Promise.reject(new Error(`caveat: ${problem}`));
      const message = from > 0 ? { type: MSG_ANALYZE, text, from } : { type: MSG_ANALYZE, text };
      return call(message, (v) => Array.isArray(v?.annotations));
    },
    rules: () => call({ type: MSG_RULES }, Array.isArray),
  };
}

/** Why `text` cannot be analysed across the boundary, or null. */
function textProblem(text) {
  if (typeof text !== 'string') return `text must be a string, not ${text === null ? 'null' : typeof text}`;
  if (text.length > MAX_TEXT_UTF16) {
    return `text too long: ${text.length} UTF-16 code units (the limit is ${MAX_TEXT_UTF16})`;
  }
  return null;
}

/** Why `from` (where the reported part of a chunk starts) is not an offset into `text`, or null. */
function fromProblem(text, from) {
  if (!Number.isInteger(from) || from < 0 || from > text.length) {
    return `from must be an offset into the text (0 to ${text.length}), not ${String(from)}`;
  }
  return null;
}

/** The fields each message type has: all of `required`, and nothing but those and `optional`. */
const MESSAGE_FIELDS = {
  [MSG_ANALYZE]: { required: ['text', 'type'], optional: ['from'] },
  [MSG_RULES]: { required: ['type'], optional: [] },
};

function fieldsProblem(type, message) {
  const { required, optional } = MESSAGE_FIELDS[type];
  const fields = Object.keys(message).sort();
  const known = (f) => required.includes(f) || optional.includes(f);
  if (required.every((f) => fields.includes(f)) && fields.every(known)) return null;
  const also = optional.length ? ` (and optionally ${optional.join(', ')})` : '';
  return `expected the fields ${required.join(', ')}${also}, got ${fields.join(', ')}`;
}

/**
 * Answer one message with a backend (used by the background). Returns a reply
 * promise, or null when the message is not one of ours (another listener's). Ours
 * of the wrong shape or size get `{ ok: false, error }` saying what is wrong. Never
 * throws.
 */
export function answer(backend, message) {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return null;
  const type = message.type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGE_FIELDS, type)) return null;
  const shape = fieldsProblem(type, message);
  if (shape) return refuse(`${type}: ${shape}`);
  if (type === MSG_RULES) return reply(() => backend.rules());
  const from = message.from ?? 0;
  const problem = textProblem(message.text) ?? fromProblem(message.text, from);
  if (problem) return refuse(`${type}: ${problem}`);
  return reply(() => backend.analyze(message.text, from));
}

/** Whether a message comes from this extension: its content scripts or its own pages. */
export function fromThisExtension(sender, runtime) {
  if (!sender || sender.id !== runtime.id) return false;
  if (sender.tab) return true; // a content script
  const origin = runtime.getURL('');
  return typeof sender.url === 'string' && sender.url.startsWith(origin);
}

function refuse(error) {
  return Promise.resolve({ ok: false, error });
}

/** The reply to a backend call; a call that throws (even synchronously) is an error reply. */
function reply(call) {
  return Promise.resolve()
    .then(call)
    .then(
      (value) => ({ ok: true, value }),
      (e) => ({ ok: false, error: String(e?.message ?? e) }),
    );
}

/** A 53-bit FNV-1a-style hash of the UTF-16 code units, plus the length: the cache key. */
export function contentHash(text) {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `${text.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

/**
 * Wraps a backend with an LRU cache of reports by content hash (and `from`), bounded
 * by entries and by the total length of the texts (a long page is cached chunk by chunk).
 * @param {Backend} backend
 */
export function createEngine(backend, { cacheSize = 1024, cacheUnits = 16 * 1024 * 1024 } = {}) {
  const cache = new Map();
  let cachedUnits = 0;
  const forget = (key) => {
    const hit = cache.get(key);
    if (!hit) return;
    cache.delete(key);
    cachedUnits -= hit.units;
  };
  let rulesPromise = null;
  let analyses = 0;
  return {
    get kind() {
      return backend.kind;
    },
    /** How many times the core actually ran (cache misses): for tests and benches. */
    get analyses() {
      return analyses;
    },
    analyze(text, from = 0) {
      const key = from > 0 ? `${from}@${contentHash(text)}` : contentHash(text);
      let hit = cache.get(key);
      if (hit) {
        cache.delete(key);
      } else {
        analyses++;
        const report = from > 0 ? backend.analyze(text, from) : backend.analyze(text);
        hit = { report, units: text.length };
        report.catch(() => forget(key));
        cachedUnits += hit.units;
      }
      cache.set(key, hit);
      while (cache.size > 1 && (cache.size > cacheSize || cachedUnits > cacheUnits)) forget(cache.keys().next().value);
      return hit.report;
    },
    /** Get the core ready (a local backend loads the Wasm and its models); resolves when it is. */
    prepare(options) {
      return backend.prepare ? backend.prepare(options) : Promise.resolve();
    },
    rules() {
      rulesPromise ??= backend.rules().catch((e) => {
        rulesPromise = null;
        throw e;
      });
      return rulesPromise;
    },
  };
}
