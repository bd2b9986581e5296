// The page-kind decision (extension/page/page-kind.js) on every fixture, in
// headless Chromium without the extension: the module is imported from the test
// server's copy (dist/www/ext) and run on the live document. What each page kind
// must be is the table in README ("What counts as an article"). Its cost on 1 MB
// pages (fixtures grown to 1 MB of HTML by repeating a paragraph, a review, a
// post, a teaser) is measured and written to
// artifacts/page-kind.json and printed as diagnostics: reported, not asserted (the
// machine is shared; the minimum is the figure least moved by other load).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

import { artifact, CHROMIUM, QUIET_CHROMIUM_ARGS, startServer } from './helpers.mjs';
import { KIND_FIXTURES } from './page-kind-fixtures.mjs';

let server;
let browser;
const results = { decisions: {}, cost: {} };

before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_CHROMIUM_ARGS });
});

after(async () => {
  fs.writeFileSync(artifact('page-kind.json'), `${JSON.stringify(results, null, 2)}\n`);
  await browser?.close();
  server?.stop();
});

async function decide(path) {
  const page = await browser.newPage();
  await page.goto(server.url + path);
  const kind = await page.evaluate(async () => {
    const { pageKind, explain } = await import('/ext/page/page-kind.js');
    const k = pageKind(document);
    return { ...k, why: explain(k) };
  });
  await page.close();
  results.decisions[path] = kind;
  return kind;
}

const reasons = (kind) => kind.reasons.map((r) => `${r.weight > 0 ? '+' : ''}${r.weight} ${r.text}`).join('; ');

for (const { path, kind: expected, signals = [] } of KIND_FIXTURES) {
  test(`${path}: ${expected}`, async (t) => {
    const kind = await decide(path);
    t.diagnostic(`score ${kind.score}: ${reasons(kind)}`);
    assert.equal(kind.article, expected === 'article', `${path} taken for ${kind.article ? 'an article' : 'not an article'}: ${reasons(kind)}`);
    for (const s of signals) assert.ok(kind.reasons.some((r) => r.signal === s), `${path}: no ${s} signal (${reasons(kind)})`);
    if (!kind.article) assert.ok(kind.why, 'a non-article says why');
  });
}

// The pages the other suites expect Caveat to mark by default are articles.
const EXISTING_ARTICLES = [
  'article/example.html', 'fixtures/ui.html', 'fixtures/collect.html', 'fixtures/strict.html', 'fixtures/marks-api.html',
  'fixtures/hostile-news.html', 'fixtures/hostile-blog.html', 'fixtures/hostile-teasers.html', 'fixtures/hostile-shadow.html',
  'fixtures/hostile-editable.html', 'fixtures/hostile-rtl.html', 'fixtures/hostile-cjk.html', 'fixtures/hostile-code.html',
  'fixtures/hostile-tt.html', 'fixtures/hostile-frames.html',
  'fixtures/pipeline-scroll.html', 'fixtures/pipeline-rewrite.html', 'fixtures/pipeline-5mb.html',
];
for (const path of EXISTING_ARTICLES) {
  test(`${path}: article (marked by the other suites)`, async (t) => {
    const kind = await decide(path);
    t.diagnostic(`score ${kind.score}: ${reasons(kind)}`);
    assert.ok(kind.article, `${path}: ${reasons(kind)}`);
  });
}

test('a page with no body, and malformed JSON-LD, decide without throwing', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}fixtures/kind-news-plain.html`);
  const out = await page.evaluate(async () => {
    const { pageKind } = await import('/ext/page/page-kind.js');
    const empty = document.implementation.createHTMLDocument('');
    empty.documentElement.replaceChildren();
    const broken = document.implementation.createHTMLDocument('');
    const script = broken.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = '{"@type": "NewsArticle",';
    broken.head.append(script);
    return [pageKind(empty).article, pageKind(broken).article];
  });
  await page.close();
  assert.deepEqual(out, [false, false]);
});

/** In the page: grow the page to `bytes` of HTML by repeating `selector`'s element, then time the decision. */
async function costOn({ selector, bytes: target }) {
  const { pageKind } = await import('/ext/page/page-kind.js');
  const unit = document.querySelector(selector);
  const fragment = document.createDocumentFragment();
  const size = unit.outerHTML.length;
  for (let n = document.documentElement.outerHTML.length; n < target; n += size) fragment.append(unit.cloneNode(true));
  unit.after(fragment);
  const bytes = document.documentElement.outerHTML.length;
  const elements = document.getElementsByTagName('*').length;
  const times = [];
  let kind;
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    kind = pageKind(document);
    times.push(performance.now() - t0);
  }
  const first = times[0];
  times.sort((a, b) => a - b);
  return { bytes, elements, first, min: times[0], median: times[10], max: times[20], article: kind.article };
}

const COST = [
  { name: 'news page (1 MB of HTML, long story)', path: 'fixtures/kind-news-meta.html', selector: '#story p:nth-of-type(3)', bytes: 1e6, article: true },
  { name: 'news page without metadata (1 MB)', path: 'fixtures/kind-news-plain.html', selector: '.body-text p', bytes: 1e6, article: true },
  { name: 'product page (1 MB, many reviews)', path: 'fixtures/kind-product.html', selector: '.review', bytes: 1e6, article: false },
  { name: 'social feed (1 MB of posts)', path: 'fixtures/kind-feed.html', selector: 'article.post', bytes: 1e6, article: false },
  { name: 'front page (1 MB of teasers)', path: 'fixtures/kind-front.html', selector: 'article.card', bytes: 1e6, article: false },
];
for (const c of COST) {
  test(`cost on a ${c.name} (reported, not asserted)`, async (t) => {
    const page = await browser.newPage();
    await page.goto(server.url + c.path);
    const cost = await page.evaluate(costOn, { selector: c.selector, bytes: c.bytes });
    await page.close();
    results.cost[c.name] = cost;
    t.diagnostic(`${(cost.bytes / 1e6).toFixed(2)} MB HTML, ${cost.elements} elements: first ${cost.first.toFixed(2)} ms, min ${cost.min.toFixed(2)} ms, median ${cost.median.toFixed(2)} ms, max ${cost.max.toFixed(2)} ms`);
    assert.ok(cost.bytes >= c.bytes);
    assert.equal(cost.article, c.article, 'the decision holds at 1 MB');
  });
}
