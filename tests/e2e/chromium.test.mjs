// End to end in headless Chromium (Debian's), with the built extension loaded:
// highlights on article pages, the strict-CSP fallback to the service worker, the
// hover card, and the playground.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

import {
  artifact, caveatProblems, cardState, CATEGORIES, CHROMIUM, extensionDir, firstMarkPoint, highlightState,
  nodeCore, PAGES, SEED_SKIP, startServer, watchConsole,
} from './helpers.mjs';

let server;
let context;
let core;
const consoleMessages = [];

before(async () => {
  core = await nodeCore();
  server = await startServer();
  const ext = extensionDir('chromium');
  context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 900, height: 700 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await context?.close();
  server?.stop();
});

async function serviceWorker() {
  const [sw] = context.serviceWorkers();
  return sw ?? context.waitForEvent('serviceworker', { timeout: 10_000 });
}

async function openMarked(path) {
  const page = await context.newPage();
  watchConsole(page, consoleMessages);
  await page.goto(server.url + path);
  await page.waitForFunction(
    () => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)),
    null,
    { timeout: 15_000 },
  );
  return page;
}

function assertAllCategories(state, what) {
  for (const c of CATEGORIES) assert.ok(state.counts[c] > 0, `${what}: no ${c} highlight (${JSON.stringify(state.counts)})`);
  assert.deepEqual(state.outside, [], `${what}: marks outside the article (page chrome was analysed)`);
}

describe('Chromium extension', () => {
  for (const { name, path, skip } of PAGES) {
    test(`${name} page gets highlights in all three categories, only in the article`, { skip }, async () => {
      const page = await openMarked(path);
      const state = await page.evaluate(highlightState);
      assertAllCategories(state, name);
      // The page's DOM is untouched: no element of ours until a card is opened.
      assert.equal(await page.evaluate(() => document.querySelector('caveat-card')), null);
      await page.screenshot({ path: artifact(`chromium-${name}.png`) });
      await page.close();
    });

    test(`${name} page under script-src 'self' is analysed by the service worker`, { skip }, async () => {
      const sw = await serviceWorker();
      const before = await sw.evaluate(() => globalThis.caveatBackground.analyses);
      const normal = await openMarked(path);
      const expected = await normal.evaluate(highlightState);
      await normal.close();
      assert.equal(
        await sw.evaluate(() => globalThis.caveatBackground.analyses),
        before,
        'a page without a CSP must be analysed in the content script',
      );
      const page = await openMarked(`${path}?csp=strict`);
      const state = await page.evaluate(highlightState);
      assertAllCategories(state, `${name} (strict CSP)`);
      assert.deepEqual(state.counts, expected.counts, 'the same marks as without the CSP');
      assert.ok(
        (await sw.evaluate(() => globalThis.caveatBackground.analyses)) > before,
        'the service worker did not analyse the strict-CSP page',
      );
      await page.screenshot({ path: artifact(`chromium-${name}-strict-csp.png`) });
      await page.close();
    });
  }

  test('hovering a mark shows its category and message; Escape closes it', async () => {
    const rules = new Map(core.rules().map((r) => [r.id, r]));
    const page = await openMarked(PAGES[SEED_SKIP ? 0 : 1].path);
    for (const category of CATEGORIES) {
      const point = await page.evaluate(firstMarkPoint, category);
      assert.ok(point, `no ${category} mark to hover`);
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction((c) => {
        const card = document.querySelector('caveat-card')?.shadowRoot?.querySelector('.card');
        return card?.dataset.category === c;
      }, category, { timeout: 5000 });
      const card = await page.evaluate(cardState);
      const rule = rules.get(card.markId.split(':').pop());
      assert.ok(rule, `the card names an unknown rule: ${card.markId}`);
      assert.equal(rule.category, category);
      assert.ok(card.text.toLowerCase().includes(category), `card lacks its category: ${card.text}`);
      assert.ok(card.text.includes(rule.message), `card lacks the rule's message: ${card.text}`);
      // The card does not cover the hovered words.
      assert.ok(card.rect.top > point.y || card.rect.bottom < point.y, 'the card covers the hovered line');
      if (category === 'sourcing') await page.screenshot({ path: artifact('chromium-card.png') });
    }
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(cardState), null, 'Escape did not close the card');
    await page.close();
  });

  test('no console errors or warnings from Caveat on any page', () => {
    assert.deepEqual(caveatProblems(consoleMessages), []);
  });
});

describe('Chromium playground', () => {
  test('marks the preloaded text as you type, with a summary; toggles never re-analyse', async () => {
    const page = await context.newPage();
    const messages = watchConsole(page);
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.caveatReady, null, { timeout: 15_000 });
    const preloaded = await page.inputValue('#text');
    assert.ok(preloaded.length > 200, 'the text area is not preloaded');
    const source = await page.textContent('#source');
    assert.match(source, SEED_SKIP ? /built-in example/ : /seed article/);
    const state = await page.evaluate(() => {
      const out = {};
      for (const c of ['hedging', 'sourcing', 'translation']) out[c] = CSS.highlights.get(`caveat-${c}`)?.size ?? 0;
      return out;
    });
    for (const c of CATEGORIES) assert.ok(state[c] > 0, `playground: no ${c} marks`);
    const words = core.analyze(preloaded).summary.words;
    assert.match(await page.textContent('#summary'), new RegExp(`Words\\s*${words}`));
    await page.screenshot({ path: artifact('chromium-playground.png') });

    // Typing re-analyses (debounced): a new hedge adds a mark.
    const hedgesBefore = state.hedging;
    await page.fill('#text', `${preloaded}\n\nThe bridge was allegedly sold twice.`);
    await page.waitForFunction((n) => (CSS.highlights.get('caveat-hedging')?.size ?? 0) > n, hedgesBefore, {
      timeout: 5000,
    });

    // Toggling a category hides and restores its marks.
    await page.uncheck('#legend input >> nth=0');
    assert.equal(await page.evaluate(() => CSS.highlights.has('caveat-hedging')), false);
    await page.check('#legend input >> nth=0');
    assert.equal(await page.evaluate(() => CSS.highlights.has('caveat-hedging')), true);
    assert.deepEqual(caveatProblems(messages), []);
    await page.close();
  });
});
