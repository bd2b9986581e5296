/**
 * The analysis engine: the Wasm core behind one small async interface, with a
 * cache keyed by content hash so that re-rendering or toggling never re-analyses.
 *
 *   const engine = createEngine(backend);        // backend: { analyze(text), rules() }
 *   const report = await engine.analyze(text);   // { annotations, attributions, summary }
 *   const rules  = await engine.rules();         // [{ id, category, name, message, why, example }]
 *
 * Backends: `localBackend()` runs the Wasm in this context (content script, service
 * worker, playground); `remoteBackend(send)` asks someone else who runs it (the
 * content script asks the service worker when the page's CSP forbids Wasm).
 * Only plain data crosses: text in, report out.
 */
import initWasm, { analyze as wasmAnalyze, rules as wasmRules } from '../wasm/caveat.js';

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

/** Instantiate the Wasm core once per context. `wasmUrl` defaults to the file beside the glue. */
export function loadWasm(wasmUrl) {
  wasmReady ??= initWasm(wasmUrl ? { module_or_path: wasmUrl } : undefined);
  return wasmReady;
}

/** Runs the Wasm core in this context. */
export function localBackend(wasmUrl) {
  return {
    kind: 'local',
    async analyze(text) {
      await loadWasm(wasmUrl);
      return wasmAnalyze(text);
    },
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
    analyze(text) {
      const problem = textProblem(text);
      if (problem) return Promise.reject(new Error(`caveat: ${problem}`));
      return call({ type: MSG_ANALYZE, text }, (v) => Array.isArray(v?.annotations));
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

/** The fields each message type has, exactly. */
const MESSAGE_FIELDS = { [MSG_ANALYZE]: ['text', 'type'], [MSG_RULES]: ['type'] };

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
  const fields = Object.keys(message).sort();
  if (fields.join() !== MESSAGE_FIELDS[type].join()) {
    return refuse(`${type}: expected the fields ${MESSAGE_FIELDS[type].join(', ')}, got ${fields.join(', ')}`);
  }
  if (type === MSG_RULES) return reply(() => backend.rules());
  const problem = textProblem(message.text);
  if (problem) return refuse(`${type}: ${problem}`);
  return reply(() => backend.analyze(message.text));
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

/** Wraps a backend with a small LRU cache of reports by content hash. */
export function createEngine(backend, { cacheSize = 8 } = {}) {
  const cache = new Map();
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
    analyze(text) {
      const key = contentHash(text);
      let hit = cache.get(key);
      if (hit) {
        cache.delete(key);
      } else {
        analyses++;
        hit = backend.analyze(text);
        hit.catch(() => cache.delete(key));
      }
      cache.set(key, hit);
      while (cache.size > cacheSize) cache.delete(cache.keys().next().value);
      return hit;
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
