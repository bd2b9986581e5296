// Articles only in headless Firefox ESR (puppeteer-core over WebDriver BiDi, the
// built extension as a temporary add-on): each page-kind fixture is marked or left
// untouched by default, as its kind says. ("Mark this page" is checked in
// Chromium: WebDriver BiDi refuses to open the popup's moz-extension:// page, and
// extension shortcuts do not reach Firefox from synthesized keys.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { launchFirefoxWithExtension, markLocations, sleep, startServer, watchConsole } from './helpers.mjs';
import { KIND_FIXTURES } from './page-kind-fixtures.mjs';

let server;
let browser;
const messages = [];

before(async () => {
  server = await startServer();
  browser = await launchFirefoxWithExtension();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const marked = (page) => page.evaluate(() => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)));
const waitMarked = (page) =>
  page.waitForFunction(() => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)), { timeout: 15_000 });

async function open(path) {
  const page = await browser.newPage();
  watchConsole(page, messages);
  await page.goto(server.url + path);
  return page;
}

describe('articles only (Firefox)', () => {
  for (const { path, kind, phrase, what } of KIND_FIXTURES) {
    test(`${what}: ${kind === 'article' ? 'marked' : 'untouched'} by default`, async () => {
      const page = await open(path);
      if (kind === 'article') {
        await waitMarked(page);
      } else {
        await sleep(1500); // time enough for Caveat to have marked it, were it an article
        assert.equal(await marked(page), false, `${path} was marked by default`);
      }
      if (kind === 'article') {
        const texts = (await page.evaluate(markLocations, [])).map((m) => m.text);
        assert.ok(texts.some((t) => t.includes(phrase)), `no mark on "${phrase}" in ${path}`);
      }
      await page.close();
    });
  }

  test('no console errors or warnings', () => {
    assert.deepEqual(messages, []);
  });
});
