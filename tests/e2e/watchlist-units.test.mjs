// The watch-list's engine in Node, on the built modules (dist/www/ext): the core's
// reports untouched without a list; with one, annotations of the core's shape whose
// UTF-16 offsets slice the JS string exactly, the note and the entry, the count, the
// rule's doc (the same text as docs/rules.md); chunked analysis of a long text gives
// the single call's marks; the background's message checks; the settings' list and the
// storage fallback over sync's per-item quota.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

import { DIST, nodeCore, ROOT } from './helpers.mjs';

const EXT = path.join(DIST, 'www', 'ext');
let core;
let W;
let chunks;
let settings;

before(async () => {
  core = await nodeCore();
  W = await import(path.join(EXT, 'core', 'watchlist.js'));
  await W.loadWatchWasm('full', fs.readFileSync(path.join(EXT, 'wasm', 'watchlist_bg.wasm')));
  await W.loadWatchWasm('phrases', fs.readFileSync(path.join(EXT, 'wasm', 'watchlist_phrases_bg.wasm')));
  chunks = await import(path.join(EXT, 'core', 'chunks.js'));
  settings = await import(path.join(EXT, 'core', 'settings.js'));
});

/** createEngine's interface over the core in Node. */
function coreEngine() {
  const rules = core.rules();
  return {
    kind: 'local',
    analyses: 0,
    analyze: async (text, from = 0) => (from > 0 ? core.analyzeFrom(text, from) : core.analyze(text)),
    rules: async () => rules,
    models: async () => [],
  };
}

const TEXT = 'Émile 😀 said the Deep State’s “common-sense reform” was a deep-state plot.\n\nOfficials said it was COMMON-SENSE  reform.';

describe('watch-list engine', () => {
  test('without entries the core\'s report is returned as it is, and no rule is added', async () => {
    const inner = coreEngine();
    const engine = W.withWatchlist(inner, W.localWatch());
    assert.equal(engine.setEntries([]), false);
    const report = await engine.analyze(TEXT);
    assert.deepEqual(report, core.analyze(TEXT));
    assert.equal(report.summary.counts.watchlist, undefined);
    assert.ok(!(await engine.rules()).some((r) => r.id === 'watchlist/entry'));
  });

  test('with entries: the core\'s shape, UTF-16 offsets, the note and the entry, the count, the rule\'s doc', async () => {
    const inner = coreEngine();
    const engine = W.withWatchlist(inner, W.localWatch());
    assert.equal(engine.setEntries([
      { pattern: 'common-sense reform', note: 'campaign slogan' },
      { pattern: '/deep.state/', note: '' },
      { pattern: 'deep state’s' }, // overlaps the pattern's match: the longer, earlier one wins
    ]), true);
    const report = await engine.analyze(TEXT);
    const watched = report.annotations.filter((a) => a.category === 'watchlist');
    assert.deepEqual(
      watched.map((a) => [TEXT.slice(a.start, a.end), a.entry, a.detail]),
      [
        ['Deep State’s', 'deep state’s', ''],
        ['common-sense reform', 'common-sense reform', 'campaign slogan'],
        ['deep-state', '/deep.state/', ''],
        ['COMMON-SENSE  reform', 'common-sense reform', 'campaign slogan'],
      ],
    );
    for (const a of watched) {
      assert.equal(a.rule, 'watchlist/entry');
      assert.equal(a.strength, 'strong');
      assert.equal(a.message, 'A phrase or pattern from your own watch-list.');
    }
    assert.equal(report.summary.counts.watchlist, 4);
    // The core's own marks are all there, and the whole list is in text order.
    const own = report.annotations.filter((a) => a.category !== 'watchlist');
    assert.deepEqual(own, core.analyze(TEXT).annotations);
    const starts = report.annotations.map((a) => a.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    // The rule's doc reaches the rules the card reads, with the text of docs/rules.md.
    const rule = (await engine.rules()).find((r) => r.id === 'watchlist/entry');
    const docs = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
    for (const field of ['name', 'message', 'why', 'example']) assert.ok(docs.includes(rule[field]), `${field} not in docs/rules.md`);
    // Changing the list changes the result; the same list again is cached.
    assert.equal(engine.setEntries([{ pattern: 'officials said', note: 'x' }]), true);
    assert.equal(engine.setEntries([{ pattern: 'officials said', note: 'x' }]), false);
    const again = await engine.analyze(TEXT);
    assert.deepEqual(again.annotations.filter((a) => a.category === 'watchlist').map((a) => TEXT.slice(a.start, a.end)), ['Officials said']);
  });

  test('a long text analysed in chunks gets the single call\'s watch-list marks', async () => {
    const paragraphs = [];
    for (let i = 0; i < 400; i++) {
      paragraphs.push(`Paragraph ${i}: the deep state 😀 met the common-sense reform crowd, officials said, and ${'word '.repeat(i % 17)}went home.`);
    }
    const text = paragraphs.join('\n\n');
    const entries = [{ pattern: 'common-sense reform', note: 'n' }, { pattern: '/paragraph \\d+/', note: '' }, { pattern: 'went home' }];
    const engine = W.withWatchlist(coreEngine(), W.localWatch());
    engine.setEntries(entries);
    const plan = chunks.planChunks(text);
    assert.ok(plan.length > 3, `${plan.length} chunks`);
    const parts = [];
    for (const c of plan) {
      const part = await engine.analyze(text.slice(c.from, c.end), c.start - c.from);
      parts.push(chunks.shiftReport(part, c.from));
    }
    const merged = chunks.mergeReports(parts);
    const single = await engine.analyze(text);
    const watch = (r) => r.annotations.filter((a) => a.category === 'watchlist').map((a) => `${a.start}-${a.end}:${a.entry}`);
    assert.equal(watch(single).length, 1200);
    assert.deepEqual(watch(merged), watch(single));
    assert.equal(merged.summary.counts.watchlist, 1200);
  });

  test('a list with /patterns/ is compiled a pattern per task, and marks as one compiled in one call', async () => {
    // Not a timing: the order of calls into the module between the yields. Each task
    // (what runs between two yields) compiles at most one pattern (or the warm-up, or
    // the warm-up search), so the regex crate's first-call costs are never one long task.
    const full = await W.loadWatchWasm('full');
    const log = [];
    const m = {
      ...full,
      check: (p) => (log.push(`check ${p}`), full.check(p)),
      Watcher: {
        empty() {
          const w = full.Watcher.empty();
          return {
            add: (p) => (log.push(`add ${p}`), w.add(p)),
            find: (t) => (log.push('find'), w.find(t)),
            free: () => w.free(),
          };
        },
      },
    };
    const list = ['the administration', '/\\b(secur\\w+|intelligence) (officials?|sources?)\\b/', 'officials said', '/\\b(deep state|fake news|witch hunt)\\b/', '/(bad/'];
    const steps = [];
    const watcher = await W.compileList(m, list, {
      yieldTask: async () => log.push('yield'),
      onStep: (s) => steps.push(s),
    });
    const tasks = log.join('\n').split('yield').map((t) => t.trim().split('\n').filter(Boolean));
    for (const t of tasks) {
      const heavy = t.filter((c) => c.startsWith('check') || c.startsWith('add /') || c === 'find');
      assert.ok(heavy.length <= 1, `one pattern a task: ${JSON.stringify(t)}`);
    }
    assert.deepEqual(steps, ['warm-compile', 'pattern', 'pattern', 'pattern', 'warm-find']);
    assert.equal(tasks.filter((t) => t.some((c) => c.startsWith('add /'))).length, 3);
    const text = 'The administration and security officials, officials said: a Witch Hunt by intelligence sources.';
    const once = new full.Watcher(list);
    assert.deepEqual([...watcher.find(text)], [...once.find(text)]);
    assert.equal(once.find(text).length / 3, 5);
    once.free();
    watcher.free();
    // The engine compiles through it: a list with two patterns yields at least four times.
    let yields = 0;
    const watch = W.localWatch({}, { yieldTask: async () => yields++ });
    const found = await watch.find(text, list.map((pattern) => ({ pattern, note: '' })));
    assert.equal(found.annotations.length, 5);
    assert.ok(yields >= 4, `${yields} yields`);
    // After a core analysis that took a slice, the search waits for a task of its own; the marks are the same.
    let after = 0;
    const slow = W.withWatchlist(coreEngine(), W.localWatch(), { sliceMs: -1, yieldTask: async () => after++ });
    const quick = W.withWatchlist(coreEngine(), W.localWatch(), { sliceMs: Infinity, yieldTask: async () => assert.fail('no yield') });
    for (const e of [slow, quick]) e.setEntries(list.map((pattern) => ({ pattern, note: '' })));
    const a = await slow.analyze(text);
    assert.equal(after, 1);
    assert.deepEqual(a, await quick.analyze(text));
    assert.equal(a.summary.counts.watchlist, 5);
  });

  test('a list of phrases alone needs only the module without the regex crate, and it marks the same', async () => {
    const phrases = [{ pattern: 'common-sense reform', note: 'n' }, { pattern: 'deep state’s', note: '' }];
    assert.equal(W.moduleFor(phrases), 'phrases');
    assert.equal(W.moduleFor([...phrases, { pattern: '/x/', note: '' }]), 'full');
    const small = await W.localWatch().find(TEXT, phrases);
    // The full module, given the same phrases (with a pattern that never matches), marks the same.
    const full = await W.localWatch().find(TEXT, [...phrases, { pattern: '/zzzz/', note: '' }]);
    assert.deepEqual(small.annotations, full.annotations);
    assert.equal(small.annotations.length, 3);
    assert.deepEqual(small.rule, full.rule);
    const bytes = (f) => fs.statSync(path.join(EXT, 'wasm', f)).size;
    assert.ok(bytes('watchlist_phrases_bg.wasm') * 4 < bytes('watchlist_bg.wasm'), 'the phrases module is a fraction of the full one');
  });

  test('the background answers MSG_WATCH and refuses malformed messages', async () => {
    const watch = W.localWatch();
    assert.equal(W.answerWatch(watch, { type: 'caveat/analyze', text: 'x' }), null);
    for (const bad of [
      { type: W.MSG_WATCH, text: 5, entries: [] },
      { type: W.MSG_WATCH, text: 'x', entries: 'no' },
      { type: W.MSG_WATCH, text: 'x', entries: [], from: 9 },
      { type: W.MSG_WATCH, text: 'x', entries: [], extra: 1 },
    ]) {
      const reply = await W.answerWatch(watch, bad);
      assert.equal(reply.ok, false, JSON.stringify(bad));
      assert.match(reply.error, /^caveat\/watch: /);
    }
    const reply = await W.answerWatch(watch, { type: W.MSG_WATCH, text: 'a ferry, two ferries', entries: [{ pattern: '/ferr(y|ies)/', note: 'b' }], from: 3 });
    assert.equal(reply.ok, true);
    assert.deepEqual(reply.value.annotations.map((a) => [a.start, a.end, a.detail]), [[13, 20, 'b']]);
    assert.equal(reply.value.rule.id, 'watchlist/entry');
  });

  test('entryProblem gives the regex crate\'s message, or a plain one for a pattern too big', async () => {
    assert.equal(await W.entryProblem('a phrase'), null);
    assert.equal(await W.entryProblem('/ok|fine/'), null);
    assert.match(await W.entryProblem('/(a/'), /regex parse error:[\s\S]*error: unclosed group/);
    assert.match(await W.entryProblem('/\\w{1000}{1000}/'), /too big.*split it into several entries/);
    assert.match(await W.entryProblem('//'), /empty pattern/);
  });

  test('a catastrophic pattern on 1 MB of text runs in linear time in Wasm', async () => {
    const watch = W.localWatch();
    const text = `${'a'.repeat(1 << 20)}!`;
    const t0 = performance.now();
    const { annotations } = await watch.find(text, [{ pattern: '/(a+)+$/', note: '' }, { pattern: '/(a|aa)+b/', note: '' }]);
    const ms = performance.now() - t0;
    assert.deepEqual(annotations, []);
    console.log(`watch-list: (a+)+$ and (a|aa)+b on 1 MB in Wasm: ${ms.toFixed(0)} ms`);
    assert.ok(ms < 20_000, `${ms} ms`);
  });
});

describe('watch-list settings', () => {
  test('the stored list is cleaned: malformed entries dropped, lengths and count capped', () => {
    const s = settings.normalizeSettings({
      watchlist: [null, { pattern: '  x  ', note: ' n ' }, { pattern: '' }, { pattern: 5 }, { pattern: 'y', note: 7 }, { pattern: 'z'.repeat(600) }],
    });
    assert.deepEqual(s.watchlist.slice(0, 2), [{ pattern: 'x', note: 'n' }, { pattern: 'y', note: '' }]);
    assert.equal(s.watchlist[2].pattern.length, 500);
    assert.equal(settings.normalizeSettings({}).watchlist.length, 0);
    assert.equal(settings.normalizeSettings({ watchlist: Array.from({ length: 900 }, (_, i) => ({ pattern: `p${i}` })) }).watchlist.length, 500);
  });

  test('a list over sync\'s 8 KB per item goes to storage.local, wins there, and returns to sync when it fits', async () => {
    const area = (quota) => {
      const data = {};
      return {
        data,
        async get(keys) {
          const list = typeof keys === 'string' ? [keys] : keys;
          return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
        },
        async set(patch) {
          for (const [k, v] of Object.entries(patch)) {
            if (quota && new TextEncoder().encode(k + JSON.stringify(v)).length > quota) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
          }
          Object.assign(data, structuredClone(patch));
        },
        async remove(key) {
          delete data[key];
        },
      };
    };
    const sync = area(8192);
    const local = area(0);
    const backend = settings.storageBackend({ storage: { sync, local } });
    const big = Array.from({ length: 20 }, (_, i) => ({ pattern: `entry ${i}`, note: 'n'.repeat(480) }));
    await backend.save({ watchlist: [{ pattern: 'small', note: '' }] });
    assert.deepEqual(sync.data.watchlist, [{ pattern: 'small', note: '' }]);
    await backend.save({ watchlist: big, enabled: false });
    assert.equal(local.data.watchlist.length, 20, 'the whole list is kept');
    assert.equal(sync.data.enabled, false, 'the other settings still sync');
    assert.equal(backend.area, 'sync');
    assert.equal((await backend.load()).watchlist.length, 20, 'the device\'s copy wins');
    await backend.save({ watchlist: big.slice(0, 5) });
    assert.equal(sync.data.watchlist.length, 5);
    assert.equal(local.data.watchlist, undefined);
    assert.equal((await backend.load()).watchlist.length, 5);
  });
});
