// Readability against the plain heuristic, which decides which text is analysed
// (a page's furniture must not be marked, its article must be read whole), in
// headless Chromium without the extension: the page modules are
// imported from the test server's copy (dist/www/ext). Two measurements, written
// to artifacts/readability.json and printed as test diagnostics:
//   effect  which blocks of the realistic fixtures each one reads
//   cost    milliseconds (median of 5) on the seed article page (the built-in
//           example when ../shared is absent) and on a 1 MB news page
// The assertions hold what the decision rests on; the timings are reported, not
// asserted (the machine is shared).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

import { artifact, CHROMIUM, HAVE_SEED, QUIET_CHROMIUM_ARGS, startServer } from './helpers.mjs';

let server;
let browser;
const results = { effect: {}, cost: {} };

before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_CHROMIUM_ARGS });
});

after(async () => {
  fs.writeFileSync(artifact('readability.json'), `${JSON.stringify(results, null, 2)}\n`);
  await browser?.close();
  server?.stop();
});

/** In the page: the ids of the blocks (elements with an id) whose text each collector reads. */
async function blocksRead() {
  const { collectArticle, collectText, findArticleRoot } = await import('/ext/page/collect.js');
  const read = (map) => {
    const nodes = new Set(map.segments.map((s) => s.node));
    return Array.from(document.querySelectorAll('body [id]'))
      .filter((el) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (nodes.has(n)) return true;
        return false;
      })
      .map((el) => el.id);
  };
  return { heuristic: read(collectText(findArticleRoot(document))), readability: read(await collectArticle()) };
}

const EFFECT = [
  {
    path: 'fixtures/hostile-news.html',
    chrome: ['chrome-ticker', 'chrome-related', 'chrome-share', 'chrome-mostread', 'chrome-comments', 'chrome-footer'],
    story: ['headline', 'story'],
  },
  { path: 'fixtures/hostile-blog.html', chrome: ['chrome-comment-1', 'chrome-comment-2', 'chrome-postnav'], story: ['headline'] },
  { path: 'fixtures/hostile-teasers.html', chrome: ['chrome-teaser-top', 'chrome-more'], story: ['headline', 'story'] },
];

for (const { path, chrome, story } of EFFECT) {
  test(`effect on ${path}: Readability reads the story and none of the chrome the heuristic reads`, async (t) => {
    const page = await browser.newPage();
    await page.goto(server.url + path);
    const { heuristic, readability } = await page.evaluate(blocksRead);
    await page.close();
    results.effect[path] = { heuristic, readability };
    t.diagnostic(`heuristic reads ${heuristic.join(', ')}`);
    t.diagnostic(`Readability reads ${readability.join(', ')}`);
    for (const id of story) assert.ok(readability.includes(id), `Readability does not read #${id}`);
    assert.deepEqual(readability.filter((id) => chrome.includes(id)), []);
    assert.ok(chrome.some((id) => heuristic.includes(id)), 'the heuristic reads no chrome here: the fixture shows nothing');
  });
}

test("a block re-read with the article's choice keeps the choice: no comments, no related links", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}fixtures/hostile-news.html`);
  const texts = await page.evaluate(async () => {
    const { chooseArticle, collectText } = await import('/ext/page/collect.js');
    const article = await chooseArticle(document);
    const page = document.getElementById('page');
    return { chosen: collectText(page, article.includes).text, everything: collectText(page).text };
  });
  await page.close();
  assert.match(texts.chosen, /A person familiar with the negotiations said/);
  assert.doesNotMatch(texts.chosen, /harbourwatcher|Most read|Related/);
  assert.match(texts.everything, /harbourwatcher/);
});

/** In the page: grow the news fixture's story to `chars` of page text by repeating its paragraphs. */
function growStory(chars) {
  const story = document.getElementById('story');
  const paragraphs = Array.from(story.querySelectorAll('p'));
  const before = document.getElementById('chrome-related');
  for (let n = document.body.textContent.length, i = 0; n < chars; i++) {
    const p = paragraphs[i % paragraphs.length].cloneNode(true);
    story.insertBefore(p, before);
    n += p.textContent.length;
  }
  return document.body.textContent.length;
}

/** In the page: medians of 5 runs (ms) of each way of collecting the text. */
async function collectCosts() {
  const { collectArticle, collectText, findArticleRoot, isVisible } = await import('/ext/page/collect.js');
  const { findArticle, MAX_READABILITY_TEXT } = await import('/ext/page/article.js');
  await import('/ext/vendor/readability.js'); // loaded when first needed: imported before the timing
  const median = async (f) => {
    const times = [];
    let result;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      result = await f();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return [Math.round(times[2] * 10) / 10, result];
  };
  const [heuristicMs] = await median(() => collectText(findArticleRoot(document)));
  const [readabilityOnlyMs, article] = await median(() => findArticle(document, { visible: isVisible, maxText: Infinity }));
  const [shippedMs] = await median(() => collectArticle());
  return {
    pageChars: document.body.textContent.length,
    elements: document.getElementsByTagName('*').length,
    heuristicMs,
    readabilityOnlyMs,
    shippedMs,
    readabilityFound: !!article,
    readabilityUsed: document.body.textContent.length <= MAX_READABILITY_TEXT,
  };
}

test('cost: the seed article page and a 1 MB page (Readability is skipped above its size limit)', async (t) => {
  const page = await browser.newPage();
  // The first import of the modules, Readability's 90 KB included, in a fresh page.
  await page.goto(`${server.url}${HAVE_SEED ? 'article/seed.html' : 'article/example.html'}`);
  results.cost.firstImportMs = await page.evaluate(async () => {
    const t0 = performance.now();
    await import('/ext/page/collect.js');
    return Math.round(performance.now() - t0);
  });
  results.cost[HAVE_SEED ? 'seed' : 'example'] = await page.evaluate(collectCosts);
  await page.goto(`${server.url}fixtures/hostile-news.html`);
  await page.evaluate(growStory, 1_000_000);
  results.cost.oneMegabyte = await page.evaluate(collectCosts);
  await page.close();
  for (const [name, value] of Object.entries(results.cost)) t.diagnostic(`${name}: ${JSON.stringify(value)}`);
  const big = results.cost.oneMegabyte;
  assert.ok(big.pageChars >= 1_000_000);
  assert.equal(big.readabilityUsed, false, 'a 1 MB page must not pay for Readability');
  assert.equal(big.readabilityFound, true, 'Readability (limit lifted) finds the 1 MB story');
  const small = results.cost[HAVE_SEED ? 'seed' : 'example'];
  assert.equal(small.readabilityUsed, true);
});

/** In the page: whether its article is plain, and if so its text as the plain collector and as Readability read it. */
async function plainAndReadability() {
  const { collectText, findArticleRoot, isPlainArticle, isVisible } = await import('/ext/page/collect.js');
  const { findArticle } = await import('/ext/page/article.js');
  const root = findArticleRoot(document);
  if (!isPlainArticle(document, root)) return null;
  const found = await findArticle(document, { visible: isVisible });
  return { plain: collectText(root).text, readability: found ? collectText(found.root, found.includes).text : null };
}

/** Plain article pages built here: the benchmark's news page (bench/browser/run.mjs), and variations. */
const PARAGRAPHS = [
  'In the capital, the minister’s aides spent the week preparing the ground for a vote that few expected to be close.',
  'The minister allegedly said on Friday that the deal may be close, officials said in a statement to reporters.',
  'Critics say the plan could cost more than expected, and <a href="#">a report</a> published last week suggested that it would.',
  '<em>According to sources</em>, the talks are believed to have stalled over the question of who pays for the new bridge.',
  'A person familiar with the matter, who asked not to be named, said the two sides were still far apart on the timing.',
];
const PLAIN_PAGES = {
  'bench news page': `<header><nav><a href="#">Home</a></nav></header><main><article><h1>Deal may be close</h1>
    ${[...PARAGRAPHS, ...PARAGRAPHS].map((p) => `<p>${p}</p>`).join('\n')}</article></main><footer>Footer</footer>`,
  'main with a quote': `<main><h1>Deal may be close</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
    <blockquote><p>“It is believed to be true,” he said.</p></blockquote><h2>Next steps</h2><p>${PARAGRAPHS[0]}</p></main>`,
  'article with classes': `<article class="story"><h1 id="title">Deal may be close</h1>${PARAGRAPHS.map((p) => `<p class="text">${p}</p>`).join('')}</article>`,
};

test('a plain article is read as Readability reads it (so Readability is not loaded for it)', async (t) => {
  const page = await browser.newPage();
  let plain = 0;
  let compared = 0;
  const pages = [
    ...fs.readdirSync(new URL('./fixtures/', import.meta.url)).filter((f) => f.endsWith('.html')).map((f) => [`fixtures/${f}`, null]),
    ...Object.entries(PLAIN_PAGES),
  ];
  for (const [name, html] of pages) {
    if (html === null) await page.goto(server.url + name);
    else await page.setContent(`<!doctype html><html lang="en"><head><title>Deal may be close</title></head><body>${html}</body></html>`);
    const read = await page.evaluate(plainAndReadability);
    if (html !== null && !read) assert.fail(`${name} is not found plain`);
    if (!read) continue;
    plain++;
    t.diagnostic(`plain: ${name}${read.readability === null ? ' (Readability finds none: the same root is read whole)' : ''}`);
    if (read.readability !== null) {
      compared++;
      assert.equal(read.plain, read.readability, name);
    }
  }
  await page.close();
  assert.ok(plain >= Object.keys(PLAIN_PAGES).length);
  assert.ok(compared >= Object.keys(PLAIN_PAGES).length, 'Readability found too few of the plain articles to compare with');
});

test('an article with page furniture inside it is not plain: Readability decides', async () => {
  const page = await browser.newPage();
  for (const path of ['fixtures/hostile-news.html', 'fixtures/hostile-blog.html', 'fixtures/hostile-teasers.html']) {
    await page.goto(server.url + path);
    assert.equal(await page.evaluate(plainAndReadability), null, path);
  }
  await page.close();
});
