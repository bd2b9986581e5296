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

test('the background leaves messages that are not ours to other listeners', async () => {
  const { answer, createEngine } = await engineModule();
  const engine = createEngine(countingBackend());
  for (const other of [null, undefined, 42, 'caveat/analyze', [], ['caveat/analyze'], {}, { type: 'other' }, { type: 7 }]) {
    assert.equal(answer(engine, other), null, JSON.stringify(other));
  }
});

test('the background refuses our messages of the wrong shape or size, saying why, and never runs the core for them', async () => {
  const { answer, MAX_TEXT_UTF16, MSG_ANALYZE, MSG_RULES } = await engineModule();
  const backend = countingBackend();
  const cases = [
    [{ type: MSG_ANALYZE }, 'caveat/analyze: expected the fields text, type (and optionally from), got type'],
    [{ type: MSG_ANALYZE, text: 7 }, 'caveat/analyze: text must be a string, not number'],
    [{ type: MSG_ANALYZE, text: null }, 'caveat/analyze: text must be a string, not null'],
    [{ type: MSG_ANALYZE, text: ['a'] }, 'caveat/analyze: text must be a string, not object'],
    [{ type: MSG_ANALYZE, text: { length: 3 } }, 'caveat/analyze: text must be a string, not object'],
    [
      { type: MSG_ANALYZE, text: 'x'.repeat(MAX_TEXT_UTF16 + 1) },
      `caveat/analyze: text too long: ${MAX_TEXT_UTF16 + 1} UTF-16 code units (the limit is ${MAX_TEXT_UTF16})`,
    ],
    [{ type: MSG_ANALYZE, text: 'a', extra: true }, 'caveat/analyze: expected the fields text, type (and optionally from), got extra, text, type'],
    [{ type: MSG_RULES, text: 'a' }, 'caveat/rules: expected the fields type, got text, type'],
  ];
  for (const [message, error] of cases) {
    assert.deepEqual(await answer(backend, message), { ok: false, error });
  }
  assert.deepEqual(backend.calls, []);
});

test('the background answers good messages, a text at the size limit included', async () => {
  const { answer, createEngine, MAX_TEXT_UTF16, MSG_ANALYZE, MSG_RULES } = await engineModule();
  const engine = createEngine(countingBackend());
  assert.deepEqual(await answer(engine, { type: MSG_ANALYZE, text: 'a b' }), {
    ok: true,
    value: { annotations: [], summary: { words: 2 } },
  });
  assert.equal((await answer(engine, { type: MSG_ANALYZE, text: 'y'.repeat(MAX_TEXT_UTF16) })).ok, true);
  assert.deepEqual(await answer(engine, { type: MSG_RULES }), { ok: true, value: [] });
});

test('a backend that throws synchronously gets an error reply, not a crash', async () => {
  const { answer, MSG_ANALYZE, MSG_RULES } = await engineModule();
  const backend = {
    analyze() {
      throw new Error('sync boom');
    },
    rules() {
      throw new TypeError('rules boom');
    },
  };
  assert.deepEqual(await answer(backend, { type: MSG_ANALYZE, text: 'x' }), { ok: false, error: 'sync boom' });
  assert.deepEqual(await answer(backend, { type: MSG_RULES }), { ok: false, error: 'rules boom' });
});

test('only this extension may ask: its content scripts and its own pages', async () => {
  const { fromThisExtension } = await engineModule();
  const runtime = { id: 'caveat-id', getURL: (p) => `chrome-extension://caveat-id/${p}` };
  const cases = [
    [{ id: 'caveat-id', tab: { id: 3 }, url: 'https://news.example/a' }, true],
    [{ id: 'caveat-id', url: 'chrome-extension://caveat-id/popup.html' }, true],
    [{ id: 'caveat-id', url: 'https://news.example/a' }, false],
    [{ id: 'caveat-id' }, false],
    [{ id: 'other-extension', tab: { id: 3 } }, false],
    [{ tab: { id: 3 } }, false],
    [null, false],
    [undefined, false],
  ];
  for (const [sender, want] of cases) assert.equal(fromThisExtension(sender, runtime), want, JSON.stringify(sender));
});

test('the content side refuses what the background would, without sending, and rejects malformed replies', async () => {
  const { MAX_TEXT_UTF16, remoteBackend } = await engineModule();
  const sent = [];
  const replies = [];
  const remote = remoteBackend(async (message) => {
    sent.push(message.type);
    return replies.shift();
  });
  await assert.rejects(remote.analyze(42), /caveat: text must be a string, not number/);
  await assert.rejects(remote.analyze('z'.repeat(MAX_TEXT_UTF16 + 1)), /caveat: text too long/);
  assert.deepEqual(sent, []);
  for (const [bad, error] of [
    [undefined, /no reply from the background/],
    [{ ok: false, error: 'caveat/analyze: text too long' }, /the background refused: caveat\/analyze: text too long/],
    [{ ok: true, value: { annotations: 'no' } }, /malformed reply/],
    [{ ok: 'yes', value: { annotations: [] } }, /the background refused/],
  ]) {
    replies.push(bad);
    await assert.rejects(remote.analyze('text'), error);
  }
  replies.push({ ok: true, value: { annotations: [] } });
  assert.deepEqual(await remote.analyze('text'), { annotations: [] });
  replies.push({ ok: true, value: {} });
  await assert.rejects(remote.rules(), /malformed reply/);
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
