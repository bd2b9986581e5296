// The engine in node: the cache by content hash, message validation at the
// boundary, the built Wasm giving UTF-16 offsets and the same report as the native core.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { DIST, ROOT, SEED_SKIP, SHARED, nodeCore } from './helpers.mjs';

const engineModule = () => import(path.join(DIST, 'www', 'ext', 'core', 'engine.js'));

function countingBackend() {
  const calls = [];
  return {
    calls,
    kind: 'fake',
    analyze: async (text) => {
      calls.push(text);
      return { annotations: [], summary: { words: text.split(' ').length } };
    },
    rules: async () => [],
  };
}

test('the same text is analysed once (cache by content hash)', async () => {
  const { createEngine } = await engineModule();
  const backend = countingBackend();
  const engine = createEngine(backend, { cacheSize: 2 });
  await engine.analyze('one text');
  await engine.analyze('one text');
  assert.equal(engine.analyses, 1);
  await engine.analyze('two');
  await engine.analyze('three'); // evicts 'one text'
  await engine.analyze('one text');
  assert.deepEqual(backend.calls, ['one text', 'two', 'three', 'one text']);
});

test('content hashes differ for near-identical texts', async () => {
  const { contentHash } = await engineModule();
  const texts = ['a', 'b', 'ab', 'ba', 'the source said', 'the source said.', 'the sourcf said', '', '😀', '\uD83D'];
  assert.equal(new Set(texts.map(contentHash)).size, texts.length);
});

test('the background refuses malformed messages and answers good ones', async () => {
  const { answer, createEngine, MAX_TEXT_UTF16, MSG_ANALYZE, MSG_RULES } = await engineModule();
  const engine = createEngine(countingBackend());
  for (const bad of [null, 42, 'text', {}, { type: 'other' }]) assert.equal(answer(engine, bad), null);
  assert.deepEqual(await answer(engine, { type: MSG_ANALYZE, text: 7 }), { ok: false, error: 'text missing or too large' });
  const huge = { type: MSG_ANALYZE, text: { length: MAX_TEXT_UTF16 + 1 } };
  assert.equal((await answer(engine, huge)).ok, false);
  assert.deepEqual(await answer(engine, { type: MSG_ANALYZE, text: 'a b' }), {
    ok: true,
    value: { annotations: [], summary: { words: 2 } },
  });
  assert.deepEqual(await answer(engine, { type: MSG_RULES }), { ok: true, value: [] });
});

test('a failing backend reports the error and is not cached', async () => {
  const { answer, createEngine, MSG_ANALYZE } = await engineModule();
  let fail = true;
  const engine = createEngine({
    analyze: async () => {
      if (fail) throw new Error('boom');
      return { annotations: [] };
    },
    rules: async () => [],
  });
  assert.deepEqual(await answer(engine, { type: MSG_ANALYZE, text: 'x' }), { ok: false, error: 'boom' });
  fail = false;
  assert.deepEqual(await answer(engine, { type: MSG_ANALYZE, text: 'x' }), { ok: true, value: { annotations: [] } });
});

test('the built Wasm returns UTF-16 offsets that slice JS strings', async () => {
  const core = await nodeCore();
  const text = '😀 中文 The bridge was allegedly sold, the source said. ‏שלום';
  const report = core.analyze(text);
  const slices = report.annotations.map((a) => text.slice(a.start, a.end));
  assert.ok(slices.includes('allegedly'), JSON.stringify(slices));
  assert.ok(slices.some((s) => s.startsWith('the source said')), JSON.stringify(slices));
});

/** The native CLI's JSON report of `file` (target/debug/caveat, else through cargo). */
function nativeReport(file) {
  const bin = path.join(path.resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target'), 'debug', 'caveat');
  const [cmd, args] = fs.existsSync(bin) ? [bin, []] : ['cargo', ['run', '--quiet', '--']];
  const out = execFileSync(cmd, [...args, '--format', 'json', file], { cwd: ROOT, maxBuffer: 64 << 20 });
  return JSON.parse(out.toString('utf8'));
}

/** What a reader sees of a report: each mark's category, rule and text, and the summary. */
function marksAndSummary(report, sliceOf) {
  const marks = report.annotations.map((a) => [a.category, a.rule, a.strength, sliceOf(a)].join(' | '));
  const { translation_likelihood: likelihood, ...summary } = report.summary;
  return { marks, summary, likelihood };
}

for (const { name, file, skip } of [
  { name: 'the built-in example', file: path.join(ROOT, 'www', 'example.txt'), skip: false },
  { name: 'the seed article', file: path.join(SHARED, 'corpus', 'seed-article.txt'), skip: SEED_SKIP },
]) {
  test(`the browser's Wasm and the native core give the same report on ${name}`, { skip }, async () => {
    const text = fs.readFileSync(file, 'utf8');
    const browser = marksAndSummary((await nodeCore()).analyze(text), (a) => text.slice(a.start, a.end));
    const native = marksAndSummary(nativeReport(file), (a) => a.text);
    assert.ok(native.marks.length > 0, 'the text has marks to compare');
    assert.deepEqual(browser.marks, native.marks);
    assert.deepEqual(browser.summary, native.summary);
    assert.ok(Math.abs(browser.likelihood - native.likelihood) < 1e-9, `${browser.likelihood} vs ${native.likelihood}`);
  });
}
