// The reading UI's pure parts, in Node (no browser): card placement, the
// settings' rules (site rules, the never-mark list, normalisation) and the
// Markdown / JSON export. Imported straight from extension/ui.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { placeCard } from '../../extension/ui/placement.js';
import { exportData, escapeMarkdown, toJson, toMarkdown } from '../../extension/ui/report-export.js';
import {
  addNeverMark, defaultSettings, isNeverMarked, MAX_NEVER_MARK, migrateSettings, normalizeSettings, phraseKey, removeNeverMark,
  setSiteAlways, setSiteEnabled, shouldRun, siteOf,
} from '../../extension/core/settings.js';

const VIEW = { left: 0, top: 0, right: 800, bottom: 600 };
const SIZE = { width: 300, height: 200 };
const rect = (left, top, right, bottom) => ({ left, top, right, bottom });
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placeCard', () => {
  const cases = [
    { name: 'room below: below the words', rects: [rect(100, 100, 180, 120)], side: 'below' },
    { name: 'at the bottom edge: above', rects: [rect(100, 520, 180, 540)], side: 'above' },
    { name: 'multi-line mark: below its last line, not its first', rects: [rect(500, 100, 780, 120), rect(20, 124, 200, 144)], side: 'below' },
    { name: 'a mark as tall as the view: beside it', rects: [rect(20, 10, 400, 590)], side: 'right' },
    { name: 'tall and wide on the right: to its left', rects: [rect(420, 10, 790, 590)], side: 'left' },
    { name: 'no free side: the larger gap, inside the view', rects: [rect(10, 150, 790, 560)], side: 'over' },
    { name: 'near the right edge: clamped into the view', rects: [rect(700, 100, 790, 120)], side: 'below' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const pos = placeCard({ rects: c.rects, size: SIZE, bounds: VIEW });
      assert.equal(pos.side, c.side);
      const card = rect(pos.left, pos.top, pos.left + SIZE.width, pos.top + SIZE.height);
      assert.ok(card.left >= VIEW.left && card.right <= VIEW.right && card.top >= VIEW.top && card.bottom <= VIEW.bottom, JSON.stringify(card));
      if (c.side !== 'over') for (const r of c.rects) assert.ok(!overlaps(card, r), `covers ${JSON.stringify(r)}`);
    });
  }
  test('an open sidebar narrows the bounds', () => {
    const pos = placeCard({ rects: [rect(380, 100, 440, 120)], size: SIZE, bounds: { ...VIEW, right: 440 } });
    assert.ok(pos.left + SIZE.width <= 440);
  });
});

describe('settings', () => {
  test('normalizeSettings keeps what is valid and drops the rest', () => {
    const s = normalizeSettings({
      enabled: 'yes',
      autoRun: false,
      categories: { hedging: false, sourcing: 1, bogus: true },
      sites: { 'a.com': 'never', 'b.com': 'sometimes' },
      neverMark: [{ rule: 'hedging/modal', phrase: 'may', category: 'hedging' }, { phrase: 'x' }, null],
    });
    assert.equal(s.enabled, true);
    assert.equal(s.mode, 'ask', 'autoRun false (saved before the three modes) is "only when asked"');
    assert.deepEqual(s.categories, { hedging: false, sourcing: true, translation: true, watchlist: true });
    assert.deepEqual(s.sites, { 'a.com': 'never' });
    assert.deepEqual(s.neverMark.map((e) => e.phrase), ['may']);
  });

  test('siteOf drops "www." and case', () => {
    assert.equal(siteOf({ hostname: 'WWW.Example.COM' }), 'example.com');
    assert.equal(siteOf({ hostname: 'news.example.com' }), 'news.example.com');
    assert.equal(siteOf(undefined), '');
  });

  const table = [
    // enabled, mode, site rule, is the page an article, runs
    [true, 'articles', undefined, true, true],
    [true, 'articles', undefined, false, false],
    [true, 'articles', 'always', false, true],
    [true, 'articles', 'never', true, false],
    [true, 'all', undefined, false, true],
    [true, 'all', 'never', true, false],
    [true, 'ask', undefined, true, false],
    [true, 'ask', 'always', false, true],
    [false, 'all', 'always', true, false],
  ];
  for (const [enabled, mode, rule, article, runs] of table) {
    test(`shouldRun: enabled=${enabled} mode=${mode} site=${rule} article=${article} → ${runs}`, () => {
      const s = { ...defaultSettings(), enabled, mode, sites: rule ? { 'a.com': rule } : {} };
      assert.equal(shouldRun(s, 'a.com', () => article), runs);
    });
  }

  test('the default is "articles only"; stored settings from before the three modes keep working', () => {
    assert.equal(defaultSettings().mode, 'articles');
    // autoRun true was "mark every page as it loads", the default then: the new default.
    assert.equal(migrateSettings({ autoRun: true }).mode, 'articles');
    assert.equal(migrateSettings({ autoRun: false, sites: { 'a.com': 'always' } }).mode, 'ask');
    assert.deepEqual(migrateSettings({ autoRun: false, mode: 'all' }).mode, 'all', 'a stored mode wins');
    const old = normalizeSettings(migrateSettings({ enabled: true, autoRun: false, sites: { 'a.com': 'always', 'b.com': 'never' } }));
    assert.equal(old.mode, 'ask');
    assert.equal(shouldRun(old, 'a.com', () => false), true, 'an old "always" rule still marks');
    assert.equal(shouldRun(old, 'b.com', () => true), false);
    assert.equal(normalizeSettings({ mode: 'sometimes' }).mode, 'articles');
  });

  test('setSiteEnabled stores only choices that differ from the default; setSiteAlways adds a rule', () => {
    const articles = defaultSettings();
    assert.deepEqual(setSiteEnabled(articles, 'a.com', false), { sites: { 'a.com': 'never' } });
    assert.deepEqual(setSiteEnabled({ ...articles, sites: { 'a.com': 'never' } }, 'a.com', true), { sites: {} });
    const ask = { ...articles, mode: 'ask' };
    assert.deepEqual(setSiteEnabled(ask, 'a.com', true), { sites: { 'a.com': 'always' } });
    assert.deepEqual(setSiteAlways({ ...articles, sites: { 'b.com': 'never' } }, 'a.com'), { sites: { 'b.com': 'never', 'a.com': 'always' } });
  });

  test('the never-mark list: phrase + rule, case and spacing ignored, newest first, capped, undoable', () => {
    const mark = { rule: 'hedging/modal', category: 'hedging', text: 'May\n  be' };
    let s = defaultSettings();
    s = { ...s, ...addNeverMark(s, mark, new Date('2024-01-02T00:00:00Z')) };
    assert.deepEqual(s.neverMark, [{ rule: 'hedging/modal', phrase: 'may be', category: 'hedging', added: '2024-01-02T00:00:00.000Z' }]);
    assert.ok(isNeverMarked(s, { rule: 'hedging/modal', text: 'may  BE' }));
    assert.ok(!isNeverMarked(s, { rule: 'hedging/other', text: 'may be' }), 'another rule on the same phrase is still marked');
    s = { ...s, ...addNeverMark(s, mark) };
    assert.equal(s.neverMark.length, 1, 'a repeat is not listed twice');
    for (let i = 0; i < MAX_NEVER_MARK + 5; i++) s = { ...s, ...addNeverMark(s, { ...mark, text: `p${i}` }) };
    assert.equal(s.neverMark.length, MAX_NEVER_MARK);
    assert.equal(s.neverMark[0].phrase, `p${MAX_NEVER_MARK + 4}`);
    s = { ...s, ...removeNeverMark(s, s.neverMark[0]) };
    assert.ok(!isNeverMarked(s, { rule: 'hedging/modal', text: `p${MAX_NEVER_MARK + 4}` }));
    assert.equal(phraseKey('x'.repeat(500)).length, 120);
  });
});

describe('export', () => {
  const report = {
    summary: {
      words: 200,
      language: 'en',
      translation: { likelihood: 0.42, too_short: false, available: true, reasons: ['2 broken sentences'] },
      sources: { attributions: 5, anonymous: 2, named: ['Ana Ruiz'] },
    },
  };
  const marks = [
    { category: 'hedging', rule: 'hedging/modal', text: 'may', message: 'Possibility', start: 5, end: 8, hidden: false },
    { category: 'sourcing', rule: 'sourcing/anonymous-official', text: 'the [source] *said*', message: 'Anonymous', start: 20, end: 35, hidden: false },
    { category: 'hedging', rule: 'hedging/modal', text: 'might', message: 'Possibility', start: 40, end: 45, hidden: true },
  ];
  const rules = [{ id: 'hedging/modal', name: 'Modal verb' }];
  const data = exportData({ report, marks, rules, page: { url: 'https://a.com/x', title: 'A | B' }, now: new Date('2024-05-01T10:00:00Z') });

  test('data: shown marks only, counts and density, sources, translation', () => {
    assert.deepEqual(data.marks.map((m) => m.text), ['may', 'the [source] *said*']);
    assert.deepEqual(data.categories.hedging, { marks: 1, per1000Words: 5 });
    assert.equal(data.marks[0].ruleName, 'Modal verb');
    assert.equal(data.language, 'en');
    assert.deepEqual(data.translation, { likelihood: 0.42, tooShort: false, available: true, reasons: ['2 broken sentences'] });
    assert.deepEqual(JSON.parse(toJson(data)), data);
  });

  test('Markdown: headings, the table, the marks with page text escaped', () => {
    const md = toMarkdown(data);
    assert.match(md, /^# Caveat report: A \\\| B\n/);
    assert.match(md, /\| Hedging \| 1 \| 5\.0 \|/);
    assert.match(md, /2 of 5 attributions anonymous\./);
    assert.match(md, /Likelihood: 42%\./);
    assert.match(md, /2\. \*\*Sourcing\*\*, sourcing\/anonymous-official: “the \\\[source\\\] \\\*said\\\*”/);
    assert.equal(escapeMarkdown('<img src=x>'), '\\<img src=x\\>');
  });

  test('without the translation model: no likelihood, the verdict is unavailable, the reasons stay', () => {
    const verdict = { likelihood: 0, too_short: false, available: false, reasons: ['unusual phrasing in 3 of 9 sentences'] };
    const d = exportData({ report: { summary: { ...report.summary, translation: verdict } }, marks, rules });
    assert.deepEqual(d.translation, { likelihood: null, tooShort: false, available: false, reasons: verdict.reasons });
    const md = toMarkdown(d);
    assert.match(md, /Verdict unavailable: Caveat could not load its translation model\./);
    assert.doesNotMatch(md, /Likelihood: /);
    assert.match(md, /- unusual phrasing in 3 of 9 sentences/);
  });

  test('a page not in English says so plainly: no likelihood, no "No attributions found"', () => {
    const summary = {
      words: 120,
      language: 'other',
      translation: { likelihood: 0, too_short: false, available: false, reasons: [] },
      sources: { attributions: 0, anonymous: 0, by_kind: {}, named: [] },
    };
    const d = exportData({ report: { summary }, marks: [], rules });
    assert.equal(d.language, 'other');
    assert.equal(d.translation.likelihood, null);
    const md = toMarkdown(d);
    assert.match(md, /This page is not in English — Caveat reads English\./);
    assert.doesNotMatch(md, /No attributions found|Likelihood|## Machine translation|## Sources/);
  });
});
