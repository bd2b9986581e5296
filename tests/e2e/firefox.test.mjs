// End to end in headless Firefox ESR (Debian's), driven by puppeteer-core over
// WebDriver BiDi, with the built extension installed as a temporary add-on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  artifact, caveatProblems, cardState, CATEGORIES, firstMarkPoint, highlightState, launchFirefoxWithExtension, nodeCore,
  PAGES, SEED_SKIP, settle, startServer, watchConsole,
} from './helpers.mjs';

let server;
let browser;
let core;
const consoleMessages = [];

before(async () => {
  core = await nodeCore();
  server = await startServer();
  browser = await launchFirefoxWithExtension();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function openMarked(path) {
  const page = await browser.newPage();
  watchConsole(page, consoleMessages);
  await page.goto(server.url + path);
  await page.waitForFunction(
    () => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)),
    { timeout: 15_000 },
  );
  return page;
}

function assertAllCategories(state, what) {
  for (const c of CATEGORIES) assert.ok(state.counts[c] > 0, `${what}: no ${c} highlight (${JSON.stringify(state.counts)})`);
  assert.deepEqual(state.outside, [], `${what}: marks outside the article`);
}

describe('Firefox extension', () => {
  for (const { name, path, skip } of PAGES) {
    test(`${name} page gets highlights in all three categories, only in the article`, { skip }, async () => {
      const page = await openMarked(path);
      const state = await page.evaluate(highlightState);
      assertAllCategories(state, name);
      assert.equal(await page.evaluate(() => document.querySelector('caveat-card')), null);
      await settle(page);
      await page.screenshot({ path: artifact(`firefox-${name}.png`), fullPage: true });
      await page.close();
    });

    test(`${name} page under script-src 'self' still gets its highlights`, { skip }, async () => {
      const page = await openMarked(`${path}?csp=strict`);
      assertAllCategories(await page.evaluate(highlightState), `${name} (strict CSP)`);
      await page.close();
    });
  }

  test('hovering a mark shows its message', async () => {
    const rules = new Map(core.rules().map((r) => [r.id, r]));
    const page = await openMarked(PAGES[SEED_SKIP ? 0 : 1].path);
    const point = await page.evaluate(firstMarkPoint, 'hedging');
    assert.ok(point, 'no hedging mark to hover');
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction(() => document.querySelector('caveat-card')?.shadowRoot?.querySelector('.card'), {
      timeout: 5000,
    });
    const card = await page.evaluate(cardState);
    const rule = rules.get(card.markId.split(':').pop());
    assert.ok(rule && card.text.includes(rule.message), `card text: ${card.text}`);
    await settle(page);
    await page.screenshot({ path: artifact('firefox-card.png') });
    await page.close();
  });

  test('no console errors or warnings from Caveat on any page', () => {
    assert.deepEqual(caveatProblems(consoleMessages), []);
  });
});
