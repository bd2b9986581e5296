// End to end in headless Chromium (Debian's), with the built extension loaded:
// highlights on article pages, the strict-CSP fallback to the service worker, the
// hover card. (The playground: ui-playground.test.mjs.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  artifact, caveatProblems, cardState, CATEGORIES, firstMarkPoint, highlightState, launchChromiumWithExtension,
  nodeCore, PAGES, SEED_SKIP, settle, startServer, watchConsole,
} from './helpers.mjs';

let server;
let context;
let core;
const consoleMessages = [];

before(async () => {
  core = await nodeCore();
  server = await startServer();
  context = await launchChromiumWithExtension();
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
      assert.equal(await page.evaluate(() => document.querySelector('caveat-ui')), null);
      await settle(page);
      await page.screenshot({ path: artifact(`chromium-${name}.png`), fullPage: true });
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
      await settle(page);
      await page.screenshot({ path: artifact(`chromium-${name}-strict-csp.png`) });
      await page.close();
    });
  }

  test('under a strict CSP the page sees at most the one probe violation, and no console message', async () => {
    // Detecting that Wasm is refused costs one `securitypolicyviolation` event
    // (script-src wasm-eval) in the page: the 8-byte probe. The real module is never tried.
    const page = await openMarked('fixtures/strict.html?csp=strict');
    const violations = await page.evaluate(() => window.cspViolations);
    assert.ok(violations.length <= 1, JSON.stringify(violations));
    assert.ok(violations.every((v) => v.startsWith('script-src')), JSON.stringify(violations));
    await page.close();
  });

  test('hovering a mark shows its category and message; Escape closes it', async () => {
    const rules = new Map(core.rules().map((r) => [r.id, r]));
    const page = await openMarked(PAGES[SEED_SKIP ? 0 : 1].path);
    for (const category of CATEGORIES) {
      const point = await page.evaluate(firstMarkPoint, category);
      assert.ok(point, `no ${category} mark to hover`);
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction((c) => {
        const card = document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])');
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
      if (category === 'sourcing') {
        await settle(page);
        await page.screenshot({ path: artifact('chromium-card.png') });
      }
    }
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(cardState), null, 'Escape did not close the card');
    await page.close();
  });

  test('no console errors or warnings from Caveat on any page', () => {
    assert.deepEqual(caveatProblems(consoleMessages), []);
  });

  test('Chromium reports no install warning or error, and no permission warning beyond http(s) content scripts', async () => {
    const page = await context.newPage();
    await page.goto('chrome://extensions');
    const info = await page.evaluate(
      () => new Promise((resolve) => chrome.developerPrivate.getExtensionsInfo({ includeDisabled: true }, resolve)),
    );
    await page.close();
    const caveat = info.find((e) => e.name === 'Caveat');
    assert.ok(caveat, 'the extension is not loaded');
    assert.deepEqual(caveat.installWarnings, []);
    assert.deepEqual(caveat.manifestErrors, []);
    assert.deepEqual(caveat.runtimeErrors, []);
    assert.deepEqual(caveat.permissions.simplePermissions, []); // `storage` carries no warning
    assert.deepEqual(caveat.permissions.runtimeHostPermissions.hosts.map((h) => h.host).sort(), ['http://*/*', 'https://*/*']);
  });
});
