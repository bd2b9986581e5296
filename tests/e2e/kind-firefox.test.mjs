// Articles only in headless Firefox ESR (puppeteer-core over WebDriver BiDi, the
// built extension as a temporary add-on): each page-kind fixture is marked or left
// untouched by default, as its kind says; on the others the extension's own popup
// says "Not an article" and why, and its "Mark this page" button marks the page.
//
// How the popup is reached. WebDriver BiDi neither navigates to nor scripts
// moz-extension:// pages, and synthesized keys do not reach extension shortcuts. So
// this browser is started with `--remote-allow-system-access` (BiDi may then run
// script in the browser window itself, chrome scope) and
// `extensions.webextensions.remote = false` (extension pages load in the parent
// process, where that script can reach their document). The test opens
// popup/popup.html in a background tab of the window, so the fixture stays the
// active tab the popup asks about (as the toolbar popup does), reads what it says
// and clicks its button: popup.js sends its message to the fixture's content script
// (tabs.sendMessage) and content/controller.js marks the page. Nothing in the extension knows
// it is under test; only the browser is configured for it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { launchFirefoxWithChromeAccess, markLocations, sleep, startServer, watchConsole } from './helpers.mjs';
import { KIND_FIXTURES } from './page-kind-fixtures.mjs';

const NOT_AN_ARTICLE = 'Not an article — Caveat marks news and other articles.';

let server;
let browser;
let extensionId;
let inBrowserWindow;
const messages = [];

before(async () => {
  server = await startServer();
  ({ browser, extensionId, inBrowserWindow } = await launchFirefoxWithChromeAccess());
});

after(async () => {
  await browser?.close();
  server?.stop();
});

// These run in the browser window (chrome scope), not in the test.
function openPopupTab(id) {
  const g = globalThis;
  const url = g.WebExtensionPolicy.getByID(JSON.parse(id)).getURL('popup/popup.html');
  const tab = g.gBrowser.addTab(url, { triggeringPrincipal: g.Services.scriptSecurityManager.getSystemPrincipal(), inBackground: true });
  g.caveatTestPopups ??= [];
  return JSON.stringify(g.caveatTestPopups.push(tab) - 1);
}
function popupState(n) {
  const doc = globalThis.caveatTestPopups[JSON.parse(n)].linkedBrowser.contentDocument;
  const el = (id) => doc?.getElementById(id);
  if (!doc?.location.href.startsWith('moz-extension:') || !el('page-status')) return JSON.stringify(null);
  return JSON.stringify({ status: el('page-status').textContent, why: el('page-why').textContent, run: !el('run').hidden, always: !el('always').hidden });
}
function clickInPopup(n, id) {
  globalThis.caveatTestPopups[JSON.parse(n)].linkedBrowser.contentDocument.getElementById(JSON.parse(id)).click();
}
function closePopupTab(n) {
  globalThis.gBrowser.removeTab(globalThis.caveatTestPopups[JSON.parse(n)]);
}

async function until(what, read, ok, timeout = 10_000) {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await sleep(100);
    value = await read();
  }
  return value;
}

/** The extension's popup for `page` (the active tab), opened beside it; resolves once it has asked the page. */
async function popupFor(page) {
  await page.bringToFront();
  const n = await inBrowserWindow(openPopupTab, extensionId);
  const state = () => inBrowserWindow(popupState, n);
  const shown = await until('the popup', state, (s) => s && !s.status.startsWith('Looking'));
  return { n, shown, state, click: (id) => inBrowserWindow(clickInPopup, n, id), close: () => inBrowserWindow(closePopupTab, n) };
}

const marked = (page) => page.evaluate(() => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)));
const waitMarked = (page) =>
  page.waitForFunction(() => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)), { timeout: 15_000 });

async function open(file) {
  const page = await browser.newPage();
  watchConsole(page, messages);
  await page.goto(server.url + file);
  return page;
}

describe('articles only (Firefox)', () => {
  for (const { path, kind, phrase, what } of KIND_FIXTURES) {
    const other = kind !== 'article';
    test(`${what}: ${other ? 'untouched by default, marked after "Mark this page"' : 'marked by default'}`, async () => {
      const page = await open(path);
      if (other) {
        await sleep(1500); // time enough for Caveat to have marked it, were it an article
        assert.equal(await marked(page), false, `${path} was marked by default`);
        assert.equal(await page.evaluate(() => document.querySelector('caveat-ui')), null, 'nothing is shown');
        const popup = await popupFor(page);
        assert.equal(popup.shown.status, NOT_AN_ARTICLE);
        assert.match(popup.shown.why, /^Why: .+\.$/);
        assert.ok(popup.shown.run && popup.shown.always, 'the popup offers "Mark this page" and "Always on this site"');
        await popup.click('run');
        await waitMarked(page);
        await until('the popup to count the marks', popup.state, (s) => /marks? on this page/.test(s?.status));
        await popup.close();
      } else {
        await waitMarked(page);
      }
      const texts = (await page.evaluate(markLocations, [])).map((m) => m.text);
      assert.ok(texts.some((t) => t.includes(phrase)), `no mark on "${phrase}" in ${path}`);
      await page.close();
    });
  }

  test('no console errors or warnings', () => {
    assert.deepEqual(messages, []);
  });
});
