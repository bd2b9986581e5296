// Long texts in chunks (extension/core/chunks.js), in node with the built Wasm core:
// the chunks cover the text, their boundaries survive edits elsewhere, and the
// merged report equals the single call's where it should (see chunks.js).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';

import { DIST, E2E_DIR, MODELS, nodeCore, SHARED } from './helpers.mjs';

const chunksModule = () => import(path.join(DIST, 'www', 'ext', 'core', 'chunks.js'));
const engineModule = () => import(path.join(DIST, 'www', 'ext', 'core', 'engine.js'));

/** The fixtures' paragraph generator (a browser script), run in a bare context. */
function news() {
  const sandbox = { window: {} };
  vm.runInNewContext(fs.readFileSync(path.join(E2E_DIR, 'fixtures', 'pipeline-news.js'), 'utf8'), sandbox);
  return sandbox.window.pipelineNews;
}

const longText = (from, to) => {
  const { paragraph } = news();
  const out = [];
  for (let i = from; i < to; i++) out.push(paragraph(i));
  return out.join('\n\n');
};

function assertCovers(chunks, text, { CHUNK_MAX, CONTEXT_MAX }) {
  assert.equal(chunks[0].start, 0);
  assert.equal(chunks.at(-1).end, text.length);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    if (i > 0) assert.equal(c.start, chunks[i - 1].end, 'chunks are contiguous');
    assert.ok(c.end > c.start && c.end - c.start <= CHUNK_MAX, `chunk ${i} has ${c.end - c.start} units`);
    assert.ok(c.from <= c.start && c.start - c.from <= CONTEXT_MAX, `chunk ${i} context ${c.start - c.from}`);
    const code = text.charCodeAt(c.end - 1);
    assert.ok(!(code >= 0xd800 && code <= 0xdbff), 'a chunk never ends inside a surrogate pair');
  }
}

/** Analyse `text` chunk by chunk as the page does, and merge. */
function chunked(core, planChunks, mergeReports, shiftReport, text) {
  const chunks = planChunks(text);
  const reports = chunks.map((c) => shiftReport(core.analyzeFrom(text.slice(c.from, c.end), c.start - c.from), c.from));
  return { chunks, report: mergeReports(reports) };
}

const key = (a) => `${a.category}:${a.start}-${a.end}:${a.rule}`;

/** The merged report is the single call's, but for repeats beyond the context. */
function assertSameAsSingleCall(single, merged) {
  const singleKeys = new Set(single.annotations.map(key));
  const mergedKeys = new Set(merged.annotations.map(key));
  const extra = [...mergedKeys].filter((k) => !singleKeys.has(k));
  assert.deepEqual(extra, [], 'chunking added marks the single call does not make');
  const missing = single.annotations.filter((a) => !mergedKeys.has(key(a)));
  assert.deepEqual(
    missing.filter((a) => a.rule !== 'translation/duplicated-text').map(key),
    [],
    'chunking lost marks other than far repeats',
  );
  assert.equal(merged.summary.words, single.summary.words);
  const dup = missing.length;
  const counts = (r) => r.summary.counts.hedging + r.summary.counts.sourcing + r.summary.counts.translation;
  assert.equal(counts(merged), counts(single) - dup);
  assert.equal(merged.attributions.length, single.attributions.length);
  assert.deepEqual(merged.summary.sources.by_kind, single.summary.sources.by_kind);
  assert.equal(merged.summary.sources.anonymous, single.summary.sources.anonymous);
  assert.deepEqual(new Set(merged.summary.sources.named), new Set(single.summary.sources.named));
  // The likelihood: close, when the far repeats (strong evidence of their own) are not in play.
  const lik = (r) => r.summary.translation.likelihood;
  if (dup === 0) assert.ok(Math.abs(lik(merged) - lik(single)) < 0.1, `likelihood ${lik(merged)} vs ${lik(single)}`);
  return missing.length;
}

test('a short text is one chunk, without context', async () => {
  const { planChunks, WHOLE_TEXT_MAX } = await chunksModule();
  for (const text of ['', 'One line.', 'x'.repeat(WHOLE_TEXT_MAX)]) {
    assert.deepEqual(planChunks(text), [{ start: 0, end: text.length, from: 0 }]);
  }
});

test('long texts are covered by chunks of whole paragraphs, with context before each', async () => {
  const mod = await chunksModule();
  const text = longText(0, 400);
  const chunks = mod.planChunks(text);
  assert.ok(chunks.length > 10, `${chunks.length} chunks`);
  assertCovers(chunks, text, mod);
  for (const c of chunks.slice(1)) {
    assert.equal(text.slice(c.start - 2, c.start), '\n\n', 'a chunk starts at a paragraph');
    assert.ok(c.from === 0 || text.slice(c.from - 2, c.from) === '\n\n', 'its context starts at a paragraph');
  }
  // Over-long paragraphs, no breaks at all, astral characters at the cut.
  for (const odd of ['word '.repeat(60_000), '😀'.repeat(40_000), `${'a'.repeat(50_000)}\n\n${'b. '.repeat(9000)}`]) {
    assertCovers(mod.planChunks(odd), odd, mod);
  }
});

test('chunk boundaries survive appending and editing elsewhere (the cache keeps the other chunks)', async () => {
  const { planChunks } = await chunksModule();
  const texts = (t) => planChunks(t).map((c) => t.slice(c.from, c.end));
  const base = longText(0, 300);
  const before = texts(base);
  // Infinite scroll: paragraphs appended at the end.
  const appended = texts(`${base}\n\n${longText(300, 340)}`);
  const keptOnAppend = before.filter((t) => appended.includes(t)).length;
  assert.ok(keptOnAppend >= before.length - 1, `${keptOnAppend} of ${before.length} chunks kept`);
  // One paragraph edited in the middle: only the chunks around it change.
  const { paragraph } = news();
  const edited = texts(base.replace(paragraph(150), `${paragraph(150)} The mayor may resign.`));
  const changed = edited.filter((t) => !before.includes(t)).length;
  assert.ok(changed <= 3, `${changed} chunks changed for one edited paragraph`);
});

test('chunked analysis gives the single call\'s marks, attributions and counts', async () => {
  const core = await nodeCore();
  const { planChunks, mergeReports, shiftReport } = await chunksModule();
  const text = longText(1000, 1200);
  const { chunks, report } = chunked(core, planChunks, mergeReports, shiftReport, text);
  assert.ok(chunks.length > 3);
  const single = core.analyze(text);
  assert.ok(single.annotations.length > 100);
  assertSameAsSingleCall(single, report);
  // Offsets are into the whole text.
  for (const a of report.annotations.slice(0, 50)) assert.equal(text.slice(a.start, a.end).trim().length > 0, true);
});

test('a name and its shorter form in different chunks are listed once, by the fuller name, as the core does', async () => {
  const core = await nodeCore();
  const { mergeReports } = await chunksModule();
  const first = 'The New York Times reported the deal on Monday.';
  const second = 'The Times reported a second deal. Biden said so.';
  const named = (text) => core.analyze(text).summary.sources.named;
  assert.deepEqual(named(first), ['New York Times']);
  assert.ok(named(second).includes('Times'), JSON.stringify(named(second)));
  const merged = mergeReports([core.analyze(first), core.analyze(second)]).summary.sources.named;
  assert.ok(!merged.includes('Times') && merged.includes('New York Times'), JSON.stringify(merged));
  assert.deepEqual(merged, named(`${first}\n\n${second}`));
});

const NEWS_DIR = path.join(SHARED, 'eval', 'sourcing', 'polnear', 'test', 'text');
test(
  'the same on native news text (PolNeAR test articles)',
  { skip: fs.existsSync(NEWS_DIR) ? false : '../shared is absent: news-text check skipped' },
  async () => {
    const core = await nodeCore();
    const { planChunks, mergeReports, shiftReport } = await chunksModule();
    const articles = fs
      .readdirSync(NEWS_DIR)
      .sort()
      .map((f) => fs.readFileSync(path.join(NEWS_DIR, f), 'utf8').trimEnd());
    const text = articles.slice(0, 30).join('\n\n');
    const { report } = chunked(core, planChunks, mergeReports, shiftReport, text);
    const lost = assertSameAsSingleCall(core.analyze(text), report);
    assert.ok(lost <= 3, `${lost} far repeats lost`);
  },
);

/** Spanish news paragraphs (fixtures/spanish.html, written for these tests), numbered so none repeats, to `units` long. */
function spanishText(units) {
  const html = fs.readFileSync(path.join(E2E_DIR, 'fixtures', 'spanish.html'), 'utf8');
  const paragraphs = [...html.matchAll(/<p>([^<]+)<\/p>/g)].map((m) => m[1]);
  const out = [];
  for (let i = 0, len = 0; len < units; i++) {
    out.push(`${paragraphs[i % paragraphs.length]} Nota ${i + 1}.`);
    len += out.at(-1).length + 2;
  }
  return out.join('\n\n');
}

/** The words-weighted mean of the chunks' log-odds, over `summaries`. */
function meanLikelihood(summaries) {
  const logit = (p) => Math.log(Math.min(Math.max(p, 1e-9), 1 - 1e-9) / (1 - Math.min(Math.max(p, 1e-9), 1 - 1e-9)));
  const words = summaries.reduce((n, s) => n + s.words, 0);
  const z = summaries.reduce((n, s) => n + s.words * logit(s.translation.likelihood), 0) / words;
  return 1 / (1 + Math.exp(-z));
}

test('a long text in another language: every chunk and the merge say "other", with no marks and no verdict, as the single call', async () => {
  const core = await nodeCore();
  const { planChunks, mergeReports, shiftReport } = await chunksModule();
  const text = spanishText(40_000);
  const { chunks, report } = chunked(core, planChunks, mergeReports, shiftReport, text);
  assert.ok(chunks.length > 2, `${chunks.length} chunks`);
  const single = core.analyze(text);
  assert.equal(single.summary.language, 'other');
  assert.equal(report.summary.language, 'other');
  assert.deepEqual(report.annotations, []);
  assert.equal(report.summary.sources.attributions, 0);
  assert.deepEqual(report.summary.translation, single.summary.translation);
  assert.equal(report.summary.translation.available, false);
  assert.equal(report.summary.translation_likelihood, 0);
  // Each chunk counts its own words, never its context's: they add up to the whole.
  assert.equal(report.summary.words, single.summary.words);
});

test('English and another language on one page: English, with the verdict of the English chunks alone', async () => {
  const core = await nodeCore();
  const { planChunks, mergeReports, shiftReport } = await chunksModule();
  const text = `${longText(0, 120)}\n\n${spanishText(30_000)}`;
  const chunks = planChunks(text);
  const reports = chunks.map((c) => shiftReport(core.analyzeFrom(text.slice(c.from, c.end), c.start - c.from), c.from));
  const languages = reports.map((r) => r.summary.language);
  assert.ok(languages.includes('en') && languages.includes('other'), languages.join(' '));
  const merged = mergeReports(reports);
  assert.equal(merged.summary.language, 'en');
  const english = reports.filter((r) => r.summary.language === 'en').map((r) => r.summary);
  const t = merged.summary.translation;
  assert.equal(t.available, true);
  assert.ok(Math.abs(t.likelihood - meanLikelihood(english)) < 1e-12, `${t.likelihood} vs ${meanLikelihood(english)}`);
  assert.equal(merged.summary.translation_likelihood, t.likelihood);
  const best = english.reduce((a, b) => (b.translation.likelihood > a.translation.likelihood ? b : a));
  assert.deepEqual(t.reasons, best.translation.reasons);
  // The other language's words count for the density, not for the verdict.
  assert.equal(merged.summary.words, reports.reduce((n, r) => n + r.summary.words, 0));
});

test('without the translation model (the other models there) every chunk and the merge say the verdict is unavailable; the rules mark the same', async () => {
  const withModel = await nodeCore();
  const without = await nodeCore({ models: MODELS.filter((name) => name !== 'translation') });
  const { planChunks, mergeReports, shiftReport } = await chunksModule();
  const text = longText(400, 560);
  const a = chunked(withModel, planChunks, mergeReports, shiftReport, text).report;
  const b = chunked(without, planChunks, mergeReports, shiftReport, text).report;
  assert.ok(a.summary.translation.available && a.summary.translation.likelihood > 0);
  assert.equal(b.summary.translation.available, false);
  assert.equal(b.summary.translation.likelihood, 0);
  assert.equal(b.summary.language, 'en');
  // The model's own marks (unusual phrasing) need it; every other rule marks without it.
  const rulesOnly = (r) => r.annotations.filter((x) => x.rule !== 'translation/unnatural-phrase').map(key);
  assert.deepEqual(rulesOnly(b), rulesOnly(a));
  assert.equal(b.annotations.filter((x) => x.rule === 'translation/unnatural-phrase').length, 0);
  assert.deepEqual(b.summary.sources, a.summary.sources);
  // And the single call agrees.
  assert.equal(without.analyze(text).summary.translation.available, false);
});

test('merging summaries: the language of any English chunk wins; summaries without a language stay without one', async () => {
  const { mergeReports } = await chunksModule();
  const summary = (language, likelihood, words, extra = {}) => ({
    words,
    ...(language ? { language } : {}),
    counts: { hedging: 0, sourcing: 0, translation: extra.marks ?? 0 },
    translation: { likelihood, too_short: extra.short ?? false, available: extra.available ?? language !== 'other', reasons: extra.reasons ?? [] },
    sources: { attributions: 0, anonymous: 0, by_kind: {}, named: [] },
  });
  const merge = (...summaries) => mergeReports(summaries.map((s) => ({ annotations: [], attributions: [], summary: s }))).summary;
  assert.equal(merge(summary('other', 0, 500), summary('other', 0, 500)).language, 'other');
  assert.equal(merge(summary('other', 0, 500), summary('other', 0, 500)).translation.too_short, false);
  const mixed = merge(summary('other', 0, 900), summary('en', 0.8, 100, { reasons: ['x'] }));
  assert.equal(mixed.language, 'en');
  assert.ok(Math.abs(mixed.translation.likelihood - 0.8) < 1e-9, 'the other language does not pull the verdict down');
  assert.deepEqual(mixed.translation.reasons, ['x']);
  assert.equal(mixed.translation.available, true);
  assert.equal('language' in merge(summary(null, 0.5, 10), summary(null, 0.5, 10)), false);
  // No model: unavailable, no likelihood, the reasons of the chunk with the most translation marks.
  const noModel = merge(
    summary('en', 0, 300, { available: false, marks: 1, reasons: ['1 broken sentence'] }),
    summary('en', 0, 300, { available: false, marks: 4, reasons: ['unusual phrasing in 4 of 20 sentences'] }),
  );
  assert.deepEqual(noModel.translation, { likelihood: 0, too_short: false, available: false, reasons: ['unusual phrasing in 4 of 20 sentences'] });
  assert.equal(merge(summary('en', 0.3, 10, { short: true }), summary('en', 0.3, 10, { short: true })).translation.too_short, true);
});

test('the engine caches chunks by text and offset, within a bound on cached text', async () => {
  const { createEngine } = await engineModule();
  const calls = [];
  const engine = createEngine(
    {
      analyze: async (text, from = 0) => {
        calls.push([text, from]);
        return { annotations: [], attributions: [], summary: { words: 0 } };
      },
      rules: async () => [],
    },
    { cacheUnits: 20 },
  );
  await engine.analyze('ctx. part', 5);
  await engine.analyze('ctx. part', 5);
  await engine.analyze('ctx. part');
  assert.deepEqual(calls, [['ctx. part', 5], ['ctx. part', 0]]);
  // 9 + 9 + 10 units > 20: the least recently used entry goes, the others stay.
  await engine.analyze('0123456789');
  assert.equal(engine.analyses, 3);
  await engine.analyze('ctx. part');
  assert.equal(engine.analyses, 3);
  await engine.analyze('ctx. part', 5);
  assert.equal(engine.analyses, 4);
});

test("the manifest's mark stylesheet is the layer's (page/marks.css = MARK_CSS)", async () => {
  const { MARK_CSS } = await import(path.join(DIST, 'www', 'ext', 'page', 'styles.js'));
  const css = fs.readFileSync(path.join(DIST, 'chromium', 'page', 'marks.css'), 'utf8').replace(/^\/\*[\s\S]*?\*\//, '');
  assert.equal(css.trim(), MARK_CSS.trim());
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'chromium', 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.content_scripts[0].css, ['page/marks.css']);
});
