// The playground (www/) in headless Chromium: the same reading UI modules as the
// extension (card, summary with toggles, mark list, export), typing, a dropped
// or opened .txt / .html file, the fallback without ../shared, and axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

import {
  artifact, axeViolations, cardState, CATEGORIES, CHROMIUM, firstMarkPoint, highlightedTexts, nodeCore, SEED_SKIP, settle,
  startServer, watchConsole,
} from './helpers.mjs';

let server;
let browser;
let core;

before(async () => {
  core = await nodeCore();
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const counts = () => {
  const out = {};
  for (const c of ['hedging', 'sourcing', 'translation']) out[c] = CSS.highlights.get(`caveat-${c}`)?.size ?? 0;
  return out;
};

async function openPlayground(url = server.url, { colorScheme = 'light' } = {}) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme });
  const messages = watchConsole(page);
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.caveatReady, null, { timeout: 15_000 });
  return { page, messages };
}

describe('playground', () => {
  test('marks the preloaded text with the shared summary; typing re-analyses; the summary toggles hide a category', async () => {
    const { page, messages } = await openPlayground();
    const preloaded = await page.inputValue('#text');
    assert.ok(preloaded.length > 200, 'the text area is not preloaded');
    assert.match(await page.textContent('#source'), SEED_SKIP ? /built-in example/ : /seed article/);
    const state = await page.evaluate(counts);
    for (const c of CATEGORIES) assert.ok(state[c] > 0, `playground: no ${c} marks`);
    const report = core.analyze(preloaded);
    assert.match(await page.textContent('#status'), new RegExp(`${report.summary.words} words`));
    // The sidebar's summary, mounted inline: counts = drawn marks, the sources line, the gauge.
    const summary = page.locator('caveat-ui .cv-summary');
    for (const c of CATEGORIES) {
      const count = await summary.locator(`tr.cat[data-category="${c}"] td.count`).textContent();
      assert.equal(Number(count), state[c], `${c} count`);
      const density = await summary.locator(`tr.cat[data-category="${c}"] td.density`).textContent();
      assert.equal(density, ((state[c] * 1000) / report.summary.words).toFixed(1), `${c} density`);
    }
    const src = report.summary.sources;
    assert.match(await summary.textContent(), new RegExp(`${src.anonymous} of ${src.attributions} attributions anonymous`));
    // The playground fetched and installed the translation model (ext/wasm/translation.bin): a likelihood, not "unavailable".
    const verdict = report.summary.translation;
    assert.equal(verdict.available, true);
    if (!verdict.too_short) {
      assert.equal(await summary.locator('[role="meter"]').getAttribute('aria-valuenow'), String(Math.round(verdict.likelihood * 100)));
    }
    await settle(page);
    await page.screenshot({ path: artifact('ui-playground.png') });

    // Typing re-analyses (debounced): a new hedge adds a mark.
    await page.fill('#text', `${preloaded}\n\nThe bridge was allegedly sold twice.`);
    await page.waitForFunction((n) => (CSS.highlights.get('caveat-hedging')?.size ?? 0) > n, state.hedging, { timeout: 5000 });

    // The summary's switch turns a category off and on.
    await summary.locator('input[data-category="hedging"]').uncheck();
    assert.equal(await page.evaluate(() => CSS.highlights.has('caveat-hedging')), false);
    await summary.locator('input[data-category="hedging"]').check();
    assert.equal(await page.evaluate(() => CSS.highlights.has('caveat-hedging')), true);
    assert.deepEqual(messages, []);
    await page.close();
  });

  test('hovering a mark opens the same card as the extension; the mark list goes to a mark', async () => {
    const { page, messages } = await openPlayground();
    const point = await page.evaluate(firstMarkPoint, 'sourcing');
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])'));
    const card = await page.evaluate(cardState);
    assert.ok(card.text.includes(`“${point.text}”`), card.text);
    assert.ok(card.text.includes('Turn off sourcing'));
    assert.ok(card.rect.top > point.y || card.rect.bottom < point.y, 'the card covers the words');
    await page.mouse.move(5, 5);
    // The last mark of the list sits below the fold of the text box: picking it scrolls the box.
    const last = page.locator('caveat-ui .cv-marklist button').last();
    const id = await last.getAttribute('data-mark-id');
    await last.click();
    await page.waitForFunction(() => CSS.highlights.has('caveat-flash'), null, { timeout: 2000 });
    await page.waitForFunction((markId) => {
      const box = document.getElementById('marked').getBoundingClientRect();
      const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
      for (const r of Array.from(CSS.highlights.get('caveat-flash'), live)) {
        const rect = r.getBoundingClientRect();
        return rect.top >= box.top && rect.bottom <= box.bottom && markId;
      }
      return false;
    }, id, { timeout: 3000 });
    assert.deepEqual(messages, []);
    await page.close();
  });

  test('a dropped .html file is reduced to its article text; an opened .txt file is analysed', async () => {
    const { page, messages } = await openPlayground();
    const html = `<!doctype html><html><head><title>T</title><script>window.ran = true</script></head><body>
      <nav>Officials said the menu may be alleged.</nav>
      <article><h1>Harbour news</h1><p>The ferry was allegedly sold, <b>the source said</b>.</p>
      <p>It <i>may</i> reopen in May.</p><pre>the source said in code</pre></article>
      <img src="x" onerror="window.ran = true"><footer>Many experts say nothing.</footer></body></html>`;
    await page.evaluate((source) => {
      const dt = new DataTransfer();
      dt.items.add(new File([source], 'news.html', { type: 'text/html' }));
      document.getElementById('marked').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, html);
    await page.waitForFunction(() => document.getElementById('source').textContent === '(news.html)');
    assert.equal(await page.inputValue('#text'), 'Harbour news\n\nThe ferry was allegedly sold, the source said.\n\nIt may reopen in May.');
    await page.waitForFunction(() => CSS.highlights.get('caveat-hedging')?.size === 2 && CSS.highlights.get('caveat-sourcing')?.size === 1);
    assert.equal(await page.evaluate(() => window.ran), undefined, 'the dropped file ran code');

    await page.setInputFiles('#file', { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('The minister reportedly resigned.') });
    await page.waitForFunction(() => document.getElementById('source').textContent === '(note.txt)');
    await page.waitForFunction(`(${highlightedTexts})('caveat-hedging').join() === 'reportedly'`);
    assert.deepEqual(messages, []);
    await page.close();
  });

  test('axe finds no serious or critical problem, light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page } = await openPlayground(server.url, { colorScheme });
      assert.deepEqual(await axeViolations(page), [], colorScheme);
      if (colorScheme === 'dark') {
        await settle(page);
        await page.screenshot({ path: artifact('ui-playground-dark.png') });
      }
      await page.close();
    }
  });

  test('without ../shared the playground falls back to its built-in example, with no console error', async () => {
    const bare = await startServer({ noShared: true });
    try {
      const { page, messages } = await openPlayground(bare.url);
      assert.match(await page.textContent('#source'), /built-in example/);
      const state = await page.evaluate(counts);
      assert.ok(CATEGORIES.every((c) => state[c] > 0), `example text lacks a category: ${JSON.stringify(state)}`);
      assert.deepEqual(messages, []);
      await page.close();
    } finally {
      bare.stop();
    }
  });
});
