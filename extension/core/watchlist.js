// @ts-check
/**
 * The reader's watch-list: their own phrases and `/patterns/`, each with an optional
 * note, marked as a fourth category, `watchlist` (rule `watchlist/entry`). The matching
 * is Rust (the `watchlist/` crate: phrases as whole words in any case, patterns with
 * the regex crate, linear time) in a Wasm module of its own, fetched and compiled only
 * once the reader's list has an entry: `wasm/watchlist_bg.wasm` when it has a
 * /pattern/, else `wasm/watchlist_phrases_bg.wasm` (the same crate without the regex
 * crate). The core's module, which every page downloads, carries no regex engine, and a
 * reader without a list pays nothing.
 *
 *   const engine = withWatchlist(createEngine(backend), localWatch(url) | remoteWatch(send));
 *   engine.setEntries([{ pattern, note }]);   // [] → analyses are the core's alone
 *   await engine.analyze(text, from)          // the core's report plus the watch-list's
 *                                             // annotations (same shape: category, rule,
 *                                             // UTF-16 start/end, message, strength,
 *                                             // detail = the note; plus `entry`) and
 *                                             // summary.counts.watchlist
 *   await entryProblem(pattern)               // the regex crate's message, or null
 *
 * `urls`: where each module is, `{ full, phrases }` (default: beside this file's glue).
 *
 * Where the page's CSP refuses Wasm in the content script (Chromium), the text and the
 * list go to the background (MSG_WATCH), which runs the same module.
 */
import initFull, { check as fullCheck, rule as fullRule, Watcher as FullWatcher } from '../wasm/watchlist.js';
import initPhrases, {
  check as phrasesCheck, rule as phrasesRule, Watcher as PhrasesWatcher,
} from '../wasm/watchlist_phrases.js';
import { canCompileWasm, contentHash } from './engine.js';
import { yieldToPage } from './tasks.js';
import { isPattern, normalizeWatchlist } from './watchlist-entries.js';

export { isPattern, normalizeWatchlist, SYNC_ITEM_BYTES, syncBytes } from './watchlist-entries.js';

/** @typedef {import('./report.js').Annotation} Annotation */
/** @typedef {import('./report.js').Report} Report */
/** @typedef {import('./report.js').RuleDoc} RuleDoc */
/** @typedef {import('./report.js').WatchEntry} WatchEntry */
/**
 * Where the watch-list runs: `find` gives the list's marks in `text` (offsets into it,
 * only those starting at or after `from`) and the rule's docs.
 * @typedef {object} Watch
 * @property {'local' | 'remote'} kind
 * @property {(text: string, entries: WatchEntry[], from?: number) => Promise<{ annotations: Annotation[], rule: RuleDoc }>} find
 * @property {(entries: WatchEntry[]) => void} [prepare]
 */

export const WATCH_CATEGORY = 'watchlist';
export const WATCH_RULE = 'watchlist/entry';
export const MSG_WATCH = 'caveat/watch';

/** A key for a list: the same entries in the same order compile to the same matcher. */
export function listKey(entries) {
  return contentHash(entries.map((e) => `${e.pattern}\u0000${e.note}`).join('\u0001'));
}

/** The two builds of the watch-list: with /patterns/ (the regex crate), and phrases only. */
const MODULES = {
  full: { init: initFull, check: fullCheck, rule: fullRule, Watcher: FullWatcher, ready: null },
  phrases: { init: initPhrases, check: phrasesCheck, rule: phrasesRule, Watcher: PhrasesWatcher, ready: null },
};
let ruleDoc = null;

/** Which module a list needs: 'full' when it has a /pattern/. */
export const moduleFor = (entries) => (entries.some((e) => isPattern(e.pattern)) ? 'full' : 'phrases');

/** Instantiate one of the watch-list's modules once per context (`wasmUrl`: as the core's loadWasm). */
export function loadWatchWasm(which, wasmUrl) {
  const m = MODULES[which];
  m.ready ??= m.init(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(
    () => m,
    (e) => {
      m.ready = null;
      throw e;
    },
  );
  return m.ready;
}

/**
 * The rule's documentation (the hover card's text), from a loaded module: one source with the CLI and docs/rules.md.
 * @returns {RuleDoc}
 */
function watchRule(m) {
  if (!ruleDoc) {
    const [id, category, name, message, why, example, strength] = m.rule();
    ruleDoc = Object.freeze({ id, category, name, message, why, example, strength });
  }
  return ruleDoc;
}

/** Why `pattern` cannot be an entry (the regex crate's own message), or null. A phrase needs only the small module. */
export async function entryProblem(pattern, urls = {}) {
  const which = isPattern(pattern) ? 'full' : 'phrases';
  const m = await loadWatchWasm(which, urls[which]);
  return m.check(String(pattern)) ?? null;
}

/**
 * The module's flat `[start, end, entry, …]` as annotations of the core's shape, those starting at or after `from`.
 * @param {ArrayLike<number>} flat
 * @param {WatchEntry[]} entries
 * @param {number} from
 * @param {RuleDoc} rule
 * @returns {Annotation[]}
 */
function toAnnotations(flat, entries, from, rule) {
  /** @type {Annotation[]} */
  const out = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    if (flat[i] < from) continue;
    const entry = entries[flat[i + 2]];
    out.push({
      category: WATCH_CATEGORY,
      rule: WATCH_RULE,
      start: flat[i],
      end: flat[i + 1],
      message: rule.message,
      strength: rule.strength,
      detail: entry?.note ?? '',
      entry: entry?.pattern ?? '',
    });
  }
  return out;
}

/** A short text through the search code the list will run (see compileList). */
const WARM_UP_TEXT = 'Security officials said the administration’s deep state claims — “a witch hunt” — were 1st-rate news.';

/**
 * Compile `patterns` into a watcher of module `m`, one task per step (`yieldTask`
 * between steps), so that no step is a long task: Wasm functions are compiled on their
 * first call, and the regex crate's parser, compiler and Unicode tables cost tens of
 * ms the first time (up to 200 ms in one task on a loaded machine when the whole list
 * was one call). Steps: the phrases (cheap) together; a tiny pattern (the crate's
 * common code, compiled by V8 on the way); each /pattern/ on its own; a search of a
 * short text (the search code). `onStep(name)` is told of each step (the tests count them).
 * @param {any} m the watch-list module (generated glue)
 * @param {string[]} patterns
 * @param {{ yieldTask?: () => Promise<unknown>, onStep?: (name: string) => void }} [options]
 */
export async function compileList(m, patterns, { yieldTask = () => yieldToPage(), onStep = () => {} } = {}) {
  const watcher = m.Watcher.empty();
  try {
    let warmed = false;
    for (const p of patterns) {
      if (isPattern(p)) {
        if (!warmed) {
          warmed = true;
          await yieldTask();
          m.check('/a b/');
          onStep('warm-compile');
        }
        await yieldTask();
      }
      watcher.add(p);
      if (isPattern(p)) onStep('pattern');
    }
    await yieldTask();
    watcher.find(WARM_UP_TEXT);
    onStep('warm-find');
    return watcher;
  } catch (e) {
    watcher.free();
    throw e;
  }
}

/**
 * Runs the watch-list module in this context.
 * @param {{ full?: unknown, phrases?: unknown }} [urls]
 * @param {{ yieldTask?: () => Promise<unknown>, onStep?: (name: string) => void }} [options] as compileList's
 * @returns {Watch}
 */
export function localWatch(urls = {}, options = {}) {
  let compiled = null; // { key, ready: promise of { watcher, rule } }
  const watcherFor = (entries) => {
    const which = moduleFor(entries);
    const key = `${which}:${listKey(entries)}`;
    if (compiled?.key !== key) {
      const previous = compiled;
      const mine = {
        key,
        ready: loadWatchWasm(which, urls[which]).then(async (m) => ({
          watcher: await compileList(m, entries.map((e) => e.pattern), options),
          rule: watchRule(m),
        })),
      };
      compiled = mine;
      // The previous list's watcher is freed once this one is ready (a search already
      // given it runs synchronously, before); a failure is retried at the next call.
      mine.ready.then(
        () => previous?.ready.then(({ watcher }) => watcher.free(), () => {}),
        () => {
          if (compiled === mine) compiled = null;
        },
      );
    }
    return compiled.ready;
  };
  return {
    kind: 'local',
    /** `{ annotations, rule }` for `text` (offsets into it; only what starts at or after `from`). */
    async find(text, entries, from = 0) {
      const { watcher, rule } = await watcherFor(entries);
      return { annotations: toAnnotations(watcher.find(text), entries, from, rule), rule };
    },
    /** Fetch, compile and instantiate the module and compile the list now (while the page text is collected). */
    prepare(entries) {
      watcherFor(entries).catch(() => {}); // find() reports a failure where it is awaited
    },
  };
}

/**
 * Asks the background, which runs the module (pages whose CSP refuses Wasm in content scripts).
 * @param {(message: object) => Promise<any>} send
 * @returns {Watch}
 */
export function remoteWatch(send) {
  return {
    kind: 'remote',
    async find(text, entries, from = 0) {
      const reply = await send({ type: MSG_WATCH, text, entries, from });
      if (reply?.ok !== true) throw new Error(`caveat: the background refused: ${reply?.error ?? 'no reply'}`);
      const value = reply.value;
      if (!Array.isArray(value?.annotations) || typeof value?.rule?.id !== 'string') {
        throw new Error('caveat: the background sent a malformed reply');
      }
      return value;
    },
  };
}

/**
 * Where a content script's watch-list runs: here when Wasm may be compiled here (`wasm`
 * as page/main.js's chooseBackend reads it: null refused, undefined not asked yet),
 * else in the background. The module is fetched by its extension URL (the bundle's
 * own URL is not beside it).
 */
export function chooseWatch(api, wasm) {
  const here = wasm === undefined ? canCompileWasm() : wasm !== null;
  if (here) {
    return localWatch({
      full: api.runtime.getURL('wasm/watchlist_bg.wasm'),
      phrases: api.runtime.getURL('wasm/watchlist_phrases_bg.wasm'),
    });
  }
  return remoteWatch((message) => api.runtime.sendMessage(message));
}

/**
 * The background's answer to MSG_WATCH, or null for any other message. Malformed
 * messages get `{ ok: false, error }`; never throws.
 */
export function answerWatch(watch, message, maxText = 16 * 1024 * 1024) {
  if (message?.type !== MSG_WATCH) return null;
  const { text, entries, from = 0 } = message;
  const fields = Object.keys(message).filter((k) => !['type', 'text', 'entries', 'from'].includes(k));
  let problem = null;
  if (fields.length) problem = `unexpected fields ${fields.join(', ')}`;
  else if (typeof text !== 'string' || text.length > maxText) problem = 'text must be a string of at most 16 M units';
  else if (!Array.isArray(entries)) problem = 'entries must be an array';
  else if (!Number.isInteger(from) || from < 0 || from > text.length) problem = 'from must be an offset into the text';
  if (problem) return Promise.resolve({ ok: false, error: `${MSG_WATCH}: ${problem}` });
  return Promise.resolve()
    .then(() => watch.find(text, normalizeWatchlist(entries), from))
    .then(
      (value) => ({ ok: true, value }),
      (e) => ({ ok: false, error: String(e?.message ?? e) }),
    );
}

/**
 * The report with the watch-list's annotations in text order and their count.
 * @param {Report} report
 * @param {Annotation[]} watched
 * @returns {Report}
 */
function merged(report, watched) {
  if (!watched.length) {
    return { ...report, summary: { ...report.summary, counts: { ...report.summary?.counts, watchlist: 0 } } };
  }
  const annotations = [...report.annotations, ...watched].sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    ...report,
    annotations,
    summary: { ...report.summary, counts: { ...report.summary?.counts, watchlist: watched.length } },
  };
}

/**
 * An engine (createEngine's interface) whose reports carry the reader's watch-list.
 * With no entries it is the core's engine, untouched: the module is never loaded. The
 * watch-list's results are cached by list and content, like the core's.
 * @param {ReturnType<typeof import('./engine.js').createEngine>} engine
 * @param {Watch} watch
 */
export function withWatchlist(engine, watch, { cacheSize = 256, sliceMs = 8, yieldTask = () => yieldToPage() } = {}) {
  let entries = [];
  let key = '';
  const cache = new Map();
  const addRule = (rule) =>
    engine.rules().then(
      (rules) => {
        if (Array.isArray(rules) && !rules.some((r) => r.id === rule.id)) rules.push(rule);
      },
      () => {},
    );
  const find = (text, from) => {
    const k = `${key}|${from}@${contentHash(text)}`;
    let hit = cache.get(k);
    if (hit) cache.delete(k);
    else {
      hit = watch.find(text, entries, from).then((value) => {
        addRule(value.rule);
        return value.annotations;
      });
      hit.catch(() => cache.delete(k));
    }
    cache.set(k, hit);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value);
    return hit;
  };
  return {
    get kind() {
      return engine.kind;
    },
    get analyses() {
      return engine.analyses;
    },
    prepare: (options) => engine.prepare(options),
    rules: () => engine.rules(),
    /** The reader's list (normalized); returns whether it changed. */
    setEntries(list) {
      const next = normalizeWatchlist(list);
      const nextKey = next.length ? listKey(next) : '';
      if (nextKey === key) return false;
      entries = next;
      key = nextKey;
      if (entries.length) watch.prepare?.(entries);
      return true;
    },
    get entries() {
      return entries;
    },
    /** @returns {Promise<Report>} */
    analyze(text, from = 0) {
      const core = engine.analyze(text, from);
      if (!entries.length) return core;
      if (watch.kind !== 'local') {
        // Both asked of the background at once.
        return Promise.all([core, find(text, from)]).then(([report, watched]) => merged(report, watched));
      }
      // The search after the core's analysis, in a task of its own when that analysis
      // (or the core's loading) took a slice (`sliceMs`, as the page pipeline's) already:
      // the two together are never one long task.
      const asked = performance.now();
      return core.then(async (report) => {
        if (performance.now() - asked > sliceMs) await yieldTask();
        if (!entries.length) return report; // the list was emptied meanwhile
        return merged(report, await find(text, from));
      });
    },
  };
}

/**
 * Keep an engine's list equal to the reader's setting: `store` is core/settings.js's store,
 * `refresh()` re-marks the page (called when the list changes, not on the first read).
 */
export function followWatchlist(store, engine, refresh) {
  engine.setEntries(store.get().watchlist);
  return store.subscribe((s) => {
    if (engine.setEntries(s.watchlist)) refresh();
  });
}
