// @ts-check
/**
 * Long texts, a chunk of paragraphs at a time. A text up to `WHOLE_TEXT_MAX` UTF-16
 * units is analysed in one call (a long article takes a few ms). Beyond that it is cut
 * into chunks of whole paragraphs, each analysed on its own so that the page gets
 * its main thread back between chunks, and each cached by its content: when a page
 * changes, only the chunks whose text changed are analysed again.
 *
 *   planChunks(text)            → [{ start, end, from }]: analyse text.slice(from, end),
 *                                 report what starts at or after `start`
 *   mergeReports(parts, words?) → one report from the chunks' reports (offsets already
 *                                 into the whole text), in text order
 *
 * What stays exact, and what does not:
 * - Each chunk is analysed with up to `CONTEXT_MAX` units of the paragraphs before it
 *   as context (`analyzeFrom` in the core): a pronoun resolves to a source named just
 *   before the chunk (the core looks back four sentences), and a paragraph repeating
 *   the one before it is marked. Marks, attributions and counts are the single call's.
 * - A paragraph repeating one from more than `CONTEXT_MAX` units earlier is not marked
 *   on a page chunked this way (on a long page those are mostly repeated furniture).
 * - The translation likelihood is the words-weighted mean of the chunks' log-odds (the
 *   verdict is a logistic model over rates per word and sentence, so this is close to
 *   the single call's); its reasons are those of the chunk that scored highest.
 * - Language: each chunk is judged on its own words (the single call judges the start
 *   of the text). The page is English when any chunk is (that chunk's marks are drawn),
 *   and only English chunks count towards the verdict; "other" when no chunk is English.
 *
 * Chunk boundaries depend only on the paragraphs around them (a paragraph whose hash
 * hits 1 in `BOUNDARY_ODDS` ends a chunk once it is `CHUNK_MIN` long), so appending or
 * editing a paragraph moves at most the boundaries next to it: the other chunks keep
 * their text and their cache entries.
 */

/** @typedef {import('./report.js').Report} Report */
/** @typedef {import('./report.js').Summary} Summary */
/** @typedef {import('./report.js').TranslationVerdict} TranslationVerdict */
/** @typedef {{ start: number, end: number, from: number }} Chunk analyse text.slice(from, end), report what starts at or after start */

export const WHOLE_TEXT_MAX = 16 * 1024;
// Why 4-12 KB, measured on the bench's 1 MB of news: each chunk costs a call (the
// report crossing into JS, the per-text verdicts) and re-reads its context, so 16-48 KB
// chunks took the Wasm analysis from 1.5 to 1.3 times the single call's in Node and
// brought all marks ~15% sooner after the first ones in Chromium; but the first marks,
// which wait for the chunks in view, came later (and all marks too with a watch-list),
// and the 5 MB page gained nothing.
export const CHUNK_MIN = 4 * 1024;
export const CHUNK_MAX = 12 * 1024;
export const CONTEXT_MAX = 1536;
const BOUNDARY_ODDS = 10;
const PARAGRAPH_BREAK = '\n\n';

/** A cheap hash of a paragraph's start and length: whether it ends a chunk. */
function endsChunk(text, start, end) {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < Math.min(end, start + 64); i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BOUNDARY_ODDS === 0;
}

/** Where to cut inside an over-long paragraph, at most `max` units after `start`. */
function cutInside(text, start, max) {
  const limit = start + max;
  const floor = start + Math.floor(max * 0.6);
  // After a sentence end, else after a space, else anywhere but inside a surrogate pair.
  for (const sep of ['. ', '\n', ' ']) {
    const i = text.lastIndexOf(sep, limit - sep.length);
    if (i >= floor) return i + sep.length;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** The start of the context for a chunk at `start`: whole paragraphs, at most CONTEXT_MAX back. */
function contextStart(text, start) {
  if (start === 0) return 0;
  let from = start;
  for (;;) {
    const i = from > 2 ? text.lastIndexOf(PARAGRAPH_BREAK, from - PARAGRAPH_BREAK.length - 1) : -1;
    const candidate = i < 0 ? 0 : i + PARAGRAPH_BREAK.length;
    if (start - candidate > CONTEXT_MAX) break;
    from = candidate;
    if (candidate === 0) break;
  }
  if (from === start) {
    // The paragraph before is longer than the context: its last sentences.
    const floor = start - CONTEXT_MAX;
    const i = text.indexOf('. ', floor);
    from = i >= 0 && i < start ? i + 2 : floor;
  }
  return from;
}

/** Cut `text` into chunks (see above); one chunk, without context, when it is short. */
/**
 * @param {string} text
 * @returns {Chunk[]}
 */
export function planChunks(text, { wholeMax = WHOLE_TEXT_MAX, min = CHUNK_MIN, max = CHUNK_MAX } = {}) {
  if (text.length <= wholeMax) return [{ start: 0, end: text.length, from: 0 }];
  /** @type {{ start: number, end: number }[]} */
  const chunks = [];
  let start = 0;
  let pos = 0;
  while (pos < text.length) {
    const brk = text.indexOf(PARAGRAPH_BREAK, pos);
    const paragraphEnd = brk < 0 ? text.length : brk;
    let end = brk < 0 ? text.length : brk + PARAGRAPH_BREAK.length;
    if (end - start > max) {
      // Close the chunk before this paragraph, or cut the paragraph itself.
      if (pos > start) {
        chunks.push({ start, end: pos });
        start = pos;
        continue;
      }
      end = cutInside(text, start, max);
      chunks.push({ start, end });
      start = pos = end;
      continue;
    }
    const paragraphStart = pos;
    pos = end;
    if (end - start >= min && endsChunk(text, paragraphStart, paragraphEnd)) {
      chunks.push({ start, end });
      start = end;
    }
  }
  if (start < text.length) chunks.push({ start, end: text.length });
  return chunks.map((c) => ({ ...c, from: contextStart(text, c.start) }));
}

/**
 * A report's offsets moved by `delta` (a chunk's report into the whole text).
 * @param {Report} report
 * @param {number} delta
 * @returns {Report}
 */
export function shiftReport(report, delta) {
  if (!delta) return report;
  const at = (x) => (x == null ? x : x + delta);
  return {
    ...report,
    annotations: report.annotations.map((a) => ({ ...a, start: a.start + delta, end: a.end + delta })),
    attributions: (report.attributions ?? []).map((a) => ({
      ...a,
      cueStart: at(a.cueStart),
      cueEnd: at(a.cueEnd),
      sourceStart: at(a.sourceStart),
      sourceEnd: at(a.sourceEnd),
    })),
  };
}

const logit = (p) => {
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  return Math.log(q / (1 - q));
};

/**
 * A shorter form of an earlier or later name ("Times" beside "New York Times") is the
 * same source: only the fullest name stays, as in the core's own summary (each chunk's
 * summary has done this within the chunk; this does it across chunks).
 */
function fullestNames(names) {
  const tails = new Set(names.flatMap((n) => [...n.matchAll(/ /g)].map((m) => n.slice(m.index + 1).trimStart())));
  return names.filter((n) => !tails.has(n));
}

/**
 * The language of chunk summaries: "en" when any chunk is English (its marks are
 * drawn, so the page is read as English), "other" only when none is.
 * @param {Summary[]} summaries
 * @returns {'en' | 'other' | undefined}
 */
function mergedLanguage(summaries) {
  if (!summaries.length) return undefined;
  if (summaries.every((s) => s.language === undefined)) return undefined;
  return summaries.some((s) => s.language !== 'other') ? 'en' : 'other';
}

/**
 * The translation verdict of chunk summaries. Only English chunks have a verdict
 * (a chunk in another language says likelihood 0, unavailable): the likelihood is
 * the words-weighted mean of their log-odds, it is available when theirs is (the
 * model is installed once per context, so they agree), too short when every one is,
 * and the reasons are those of the chunk that scored highest (without the model, of
 * the chunk with the most translation marks).
 * @param {Summary[]} summaries
 * @returns {TranslationVerdict}
 */
function mergedVerdict(summaries) {
  const english = summaries.filter((s) => s.language !== 'other' && s.translation);
  const available = english.length > 0 && english.every((s) => s.translation.available !== false);
  let words = 0;
  let weighted = 0;
  let best = null;
  const score = (s) => (available ? s.translation.likelihood : (s.counts?.translation ?? 0));
  for (const s of english) {
    if (available) {
      words += s.words;
      weighted += s.words * logit(s.translation.likelihood);
    }
    if (!best || score(s) > score(best)) best = s;
  }
  const likelihood = words ? 1 / (1 + Math.exp(-weighted / words)) : 0;
  const verdict = {
    likelihood,
    too_short: english.length > 0 && english.every((s) => s.translation.too_short),
    available,
    reasons: best?.translation.reasons ?? [],
  };
  return verdict;
}

/**
 * One report from chunk reports (in text order, offsets into the whole text).
 * @param {Report[]} reports
 * @returns {Report}
 */
export function mergeReports(reports) {
  if (reports.length === 1) return reports[0];
  const annotations = [];
  const attributions = [];
  const counts = { hedging: 0, sourcing: 0, translation: 0 };
  const byKind = {};
  const named = [];
  const seen = new Set();
  const summaries = [];
  let words = 0;
  let anonymous = 0;
  for (const r of reports) {
    for (const a of r.annotations) annotations.push(a);
    for (const a of r.attributions ?? []) attributions.push(a);
    const s = r.summary;
    if (!s) continue;
    summaries.push(s);
    words += s.words;
    // The core's three, and the watch-list's when the reader has one (core/watchlist.js).
    for (const [c, n] of Object.entries(s.counts ?? {})) counts[c] = (counts[c] ?? 0) + n;
    const src = s.sources;
    if (src) {
      anonymous += src.anonymous;
      for (const [k, n] of Object.entries(src.by_kind ?? {})) byKind[k] = (byKind[k] ?? 0) + n;
      for (const name of src.named ?? []) {
        if (!seen.has(name)) {
          seen.add(name);
          named.push(name);
        }
      }
    }
  }
  const translation = mergedVerdict(summaries);
  const language = mergedLanguage(summaries);
  return {
    annotations,
    attributions,
    summary: {
      ...summaries[0],
      words,
      ...(language === undefined ? {} : { language }),
      counts,
      translation_likelihood: translation.likelihood,
      translation,
      sources: { attributions: attributions.length, anonymous, by_kind: byKind, named: fullestNames(named) },
    },
  };
}
