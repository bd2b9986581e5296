// Articles only, end to end in headless Chromium with the built extension: each
// page-kind fixture (page-kind-fixtures.mjs) is marked or left untouched by
// default, as its kind says; on the others the popup says "Not an article", says
// why, and "Mark this page" marks it; "Always on this site" adds a site rule
// (listed in the settings) that marks the site's other pages too; the settings
// page offers the three modes. axe on the popup and the settings, light and dark;
// screenshots of the popup on a product page in tests/e2e/artifacts/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { artifact, axeViolations, markLocations, settle, sleep, useExtensionInChromium, watchConsole } from './helpers.mjs';
import { KIND_FIXTURES } from './page-kind-fixtures.mjs';

const env = useExtensionInChromium();
const messages = [];
const NOT_AN_ARTICLE = 'Not an article — Caveat marks news and other articles.';

const resetSettings = () => env.worker.evaluate(() => chrome.storage.sync.clear());
const stored = () => env.worker.evaluate(() => chrome.storage.sync.get(null));
const marked = (page) => page.evaluate(() => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)));
const markTexts = async (page) => (await page.evaluate(markLocations, [])).map((m) => m.text);
const otherSite = () => env.server.url.replace('127.0.0.1', 'localhost');

async function open(url) {
  const page = await env.context.newPage();
  watchConsole(page, messages);
  await page.goto(url);
  return page;
}

async function waitMarked(page) {
  await page.waitForFunction(() => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)), null, { timeout: 15_000 });
}

async function popupFor(tab, { colorScheme = 'light' } = {}) {
  const popup = await env.context.newPage();
  watchConsole(popup, messages);
  await popup.setViewportSize({ width: 320, height: 440 });
  await popup.emulateMedia({ colorScheme });
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${env.id}/popup/popup.html`);
  await popup.waitForFunction(() => !document.getElementById('page-status').textContent.includes('Looking'));
  return popup;
}

describe('articles only (Chromium)', () => {
  for (const { path, kind, phrase, what } of KIND_FIXTURES) {
    test(`${what}: ${kind === 'article' ? 'marked' : 'untouched'} by default, marked after "Mark this page"`, async () => {
      await resetSettings();
      const page = await open(env.server.url + path);
      if (kind === 'article') {
        await waitMarked(page);
      } else {
        await sleep(1500); // time enough for Caveat to have marked it, were it an article
        assert.equal(await marked(page), false, `${path} was marked by default`);
        assert.equal(await page.evaluate(() => document.querySelector('caveat-ui')), null, 'nothing is shown');
      }
      const popup = await popupFor(page);
      if (kind === 'article') {
        assert.match(await popup.textContent('#page-status'), /marks? on this page/);
        assert.equal(await popup.isHidden('#always'), true);
      } else {
        assert.equal(await popup.textContent('#page-status'), NOT_AN_ARTICLE);
        assert.match(await popup.textContent('#page-why'), /^Why: .+\.$/);
        assert.equal(await popup.isVisible('#run'), true);
        assert.equal(await popup.isVisible('#always'), true);
        await popup.click('#run');
        await waitMarked(page);
        await popup.waitForFunction(() => /marks? on this page/.test(document.getElementById('page-status').textContent));
        assert.deepEqual((await stored()).sites ?? {}, {}, '"Mark this page" adds no rule');
      }
      assert.ok((await markTexts(page)).some((t) => t.includes(phrase)), `no mark on "${phrase}" in ${path}`);
      await popup.close();
      await page.close();
    });
  }

  test('the popup on a non-article page: screenshots and axe, light and dark', async () => {
    await resetSettings();
    const page = await open(`${env.server.url}fixtures/kind-product.html`);
    await sleep(800);
    for (const colorScheme of ['light', 'dark']) {
      const popup = await popupFor(page, { colorScheme });
      assert.equal(await popup.textContent('#page-status'), NOT_AN_ARTICLE);
      await settle(popup);
      await popup.screenshot({ path: artifact(`popup-not-article-${colorScheme}.png`) });
      assert.deepEqual(await axeViolations(popup), [], `${colorScheme} popup`);
      await popup.close();
    }
    await page.close();
  });

  test('"Always on this site" adds a site rule, listed in the settings; the site\'s other pages are marked', async () => {
    await resetSettings();
    const page = await open(`${otherSite()}fixtures/kind-docs.html`);
    await sleep(800);
    const popup = await popupFor(page);
    await popup.click('#always');
    await waitMarked(page);
    assert.deepEqual((await stored()).sites, { localhost: 'always' });
    await popup.close();
    const other = await open(`${otherSite()}fixtures/kind-forum.html`);
    await waitMarked(other);
    // Another site keeps the default.
    const elsewhere = await open(`${env.server.url}fixtures/kind-forum.html`);
    await sleep(1200);
    assert.equal(await marked(elsewhere), false);
    const options = await open(`chrome-extension://${env.id}/options/options.html`);
    await options.waitForFunction(() => document.documentElement.dataset.ready);
    assert.match(await options.textContent('#sites'), /localhost/);
    assert.equal(await options.inputValue('select[aria-label="Rule for localhost"]'), 'always');
    for (const p of [options, elsewhere, other, page]) await p.close();
  });

  test('the settings offer articles only (default) / every page / only when I ask; "every page" marks a product page', async () => {
    await resetSettings();
    for (const colorScheme of ['light', 'dark']) {
      const options = await env.context.newPage();
      watchConsole(options, messages);
      await options.emulateMedia({ colorScheme });
      await options.goto(`chrome-extension://${env.id}/options/options.html`);
      await options.waitForFunction(() => document.documentElement.dataset.ready);
      assert.equal(await options.isChecked('input[name="run"][value="articles"]'), true);
      assert.match(await options.textContent('main'), /Articles only/);
      assert.deepEqual(await axeViolations(options), [], `${colorScheme} settings`);
      if (colorScheme === 'dark') {
        await options.check('input[name="run"][value="all"]');
        assert.equal((await stored()).mode, 'all');
      }
      await options.close();
    }
    const page = await open(`${env.server.url}fixtures/kind-product.html`);
    await waitMarked(page);
    await page.close();
    await resetSettings();
  });

  test('settings saved before the three modes keep working: autoRun false is "only when asked"', async () => {
    await resetSettings();
    await env.worker.evaluate(() => chrome.storage.sync.set({ autoRun: false }));
    const page = await open(`${env.server.url}fixtures/kind-news-meta.html`);
    await sleep(1500);
    assert.equal(await marked(page), false, 'an article was marked in "only when asked"');
    const popup = await popupFor(page);
    assert.match(await popup.textContent('#page-status'), /only when you ask/);
    await popup.close();
    await page.close();
    await resetSettings();
  });

  test('no console errors or warnings', () => {
    assert.deepEqual(messages, []);
  });
});
