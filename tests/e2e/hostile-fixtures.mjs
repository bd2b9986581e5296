// The hostile pages (tests/e2e/fixtures/hostile-*.html), what Caveat must do on
// each, and the check that it left the page as it was: shared by the Chromium
// (playwright) and Firefox (puppeteer) suites.
import assert from 'node:assert/strict';

import { pageProbeState } from './helpers.mjs';

// Each fixture: `marked`: selector → phrases that must each be a mark inside it
// (`exact`: the mark's text equals the phrase, which checks offsets in
// bidirectional and CJK text); `unmarked`: selectors with no mark inside;
// `counts`: phrase → how many marks contain it; `noTranslationMarks`: none at all.
export const HOSTILE_FIXTURES = [
  {
    name: 'news page built of divs (related links, most read, share bar, comments, footer)',
    path: 'fixtures/hostile-news.html',
    marked: {
      '#headline': ['reportedly'],
      '#story': ['reportedly', 'A person familiar with the negotiations said'],
    },
    // Readability keeps the one-sentence ticker (a short sentence-like sibling of
    // the story); it comes before the headline, where no story starts.
    unmarked: ['.masthead', '#chrome-ticker', '#chrome-related', '#chrome-share', '#chrome-mostread', '#chrome-comments', '#chrome-footer'],
  },
  {
    name: 'blog: post, comments that are <article>s, widget sidebar',
    path: 'fixtures/hostile-blog.html',
    marked: { '.entry-content': ['apparently'] },
    unmarked: ['#masthead', '#chrome-entry-footer', '#chrome-postnav', '#comments', '#secondary', '#colophon'],
  },
  {
    name: 'story with <article> teaser cards around it',
    path: 'fixtures/hostile-teasers.html',
    marked: { '#story': ['believed to'] },
    unmarked: ['.topnav', '#chrome-teaser-top', '#chrome-more', 'footer'],
  },
  {
    name: 'open shadow roots (declarative, scripted, nested, slotted)',
    path: 'fixtures/hostile-shadow.html',
    marked: {
      '#light': ['allegedly'],
      '#in-shadow': ['reportedly', 'a person familiar with the talks said'],
      '#slotted': ['believed'],
      '#in-nested-shadow': ['may', 'critics say'],
    },
    // The closed root's text ("allegedly furious") is out of reach: one "allegedly" only.
    unmarked: ['#unslotted', '#closed-host'],
    counts: { allegedly: 1 },
  },
  {
    name: 'contenteditable, plaintext-only, ARIA textbox, textarea, input',
    path: 'fixtures/hostile-editable.html',
    marked: { '#prose': ['allegedly'] },
    unmarked: ['#editor', '#plain', '#aria-box', '#letter', '#subject'],
  },
  {
    name: 'right-to-left page: Arabic and Hebrew, one English quotation',
    path: 'fixtures/hostile-rtl.html',
    // The page is not in English (the core reads English only): nothing is marked, not
    // even the English quotation, and nothing breaks.
    marked: {},
    unmarked: ['#headline', '#ar-1', '#ar-2', '#ar-3', '#hebrew', '#english-quote'],
    noTranslationMarks: true,
  },
  {
    name: 'CJK page: Chinese, Japanese with ruby, Korean, one English quotation',
    path: 'fixtures/hostile-cjk.html',
    // The page is not in English (the core reads English only): nothing is marked, not
    // even the English quotation, and nothing breaks.
    marked: {},
    unmarked: ['#headline', '#zh-1', '#zh-2', '#ja-1', '#ko-1', '#english-quote'],
    noTranslationMarks: true,
  },
  {
    name: 'technical post: pre, highlighter blocks, inline code, kbd, samp',
    path: 'fixtures/hostile-code.html',
    marked: { '#prose-1': ['allegedly'], '#prose-2': ['believed to'], '#prose-4': ['may'] },
    unmarked: ['#code-1', '#code-2', '#code-3', '#inline-code', '#kbd', '#samp'],
    // Skipped inline code leaves an ellipsis, not a ", ," the core would flag.
    noTranslationMarks: true,
  },
  {
    name: 'page using Trusted Types itself; Readability takes its retry path',
    path: 'fixtures/hostile-tt.html',
    marked: { '#prose': ['allegedly'] },
    unmarked: ['#page-html'],
  },
];

/**
 * Check one fixture's marks (from helpers.markLocations) against its expectations;
 * returns a list of problems (empty when all is well).
 */
export function markProblems(fixture, marks) {
  const problems = [];
  for (const [selector, phrases] of Object.entries(fixture.marked)) {
    const inside = marks.filter((m) => m.inside.includes(selector)).map((m) => m.text.replace(/\s+/g, ' '));
    for (const phrase of phrases) {
      const found = fixture.exact ? inside.includes(phrase) : inside.some((t) => t.includes(phrase));
      if (!found) problems.push(`no mark "${phrase}" in ${selector} (marks there: ${JSON.stringify(inside)})`);
    }
  }
  for (const selector of fixture.unmarked) {
    const wrong = marks.filter((m) => m.inside.includes(selector)).map((m) => m.text);
    if (wrong.length) problems.push(`marks in ${selector}: ${JSON.stringify(wrong)}`);
  }
  for (const [phrase, n] of Object.entries(fixture.counts ?? {})) {
    const count = marks.filter((m) => m.text.includes(phrase)).length;
    if (count !== n) problems.push(`${count} marks with "${phrase}", expected ${n}`);
  }
  if (fixture.noTranslationMarks) {
    const t = marks.filter((m) => m.category === 'translation').map((m) => m.text);
    if (t.length) problems.push(`translation marks: ${JSON.stringify(t)}`);
  }
  return problems;
}

/**
 * The page's own behaviour is unchanged (see fixtures/hostile-probe.js): DOM,
 * serialisation, its script's results, no layout shift, no violation (but the one
 * strict-CSP Wasm probe when `allowWasmProbe`), and its button still works.
 * `page` is a Playwright or a Puppeteer page (both have evaluate and click).
 */
export async function assertPageUnchanged(page, { allowWasmProbe = false } = {}) {
  const state = await page.evaluate(pageProbeState);
  assert.ok(state, 'the fixture lacks its probe');
  assert.deepEqual(state.mutations, [], 'the DOM was mutated');
  assert.ok(state.serialisationUnchanged, 'the page serialises differently');
  assert.deepEqual(state.resultsChanged, [], "the page's script computes different results");
  assert.deepEqual(state.shifts, [], 'layout shifted');
  const probe = (v) => allowWasmProbe && v.startsWith('script-src wasm-eval');
  assert.deepEqual(state.violations.filter((v) => !probe(v)), [], 'CSP or Trusted Types violations');
  assert.ok(state.violations.length <= 1, `more than the one Wasm probe: ${JSON.stringify(state.violations)}`);
  await page.click('#page-button');
  assert.equal(await page.evaluate(() => window.pageProbe.clicks), 1, "the page's own click handler did not run");
}
