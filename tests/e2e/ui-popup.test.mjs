// The toolbar popup, the options page, the run policy (global / site / only when
// asked) and the manifest's commands, end to end in headless Chromium with the
// built extension. The popup is opened as a tab while the article's tab is the
// active one, so it talks to that tab as it does from the toolbar.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  artifact, axeViolations, openMarked, settle, sleep, useExtensionInChromium, watchConsole,
} from './helpers.mjs';

const env = useExtensionInChromium();
const messages = [];

const FIXTURE = 'fixtures/ui.html';
const resetSettings = () => env.worker.evaluate(() => chrome.storage.sync.clear());
const stored = () => env.worker.evaluate(() => chrome.storage.sync.get(null));
const marked = (page) => page.evaluate(() => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)));
/** The same env.server under another host name: another site. */
const otherSite = () => env.server.url.replace('127.0.0.1', 'localhost');

/** Open the popup for `tab` (made the active tab first). */
async function popupFor(tab, { colorScheme = 'light' } = {}) {
  const popup = await env.context.newPage();
  watchConsole(popup, messages);
  await popup.setViewportSize({ width: 320, height: 400 });
  await popup.emulateMedia({ colorScheme });
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${env.id}/popup/popup.html`);
  await popup.waitForFunction(() => !document.getElementById('page-status').textContent.includes('Looking'));
  return popup;
}

async function pageWithoutMarks(url) {
  const page = await env.context.newPage();
  watchConsole(page, messages);
  await page.goto(url);
  await sleep(1500); // time enough for Caveat to have marked it, were it allowed to
  return page;
}

describe('popup and run policy', () => {
  test('the manifest asks for storage only and declares the three rebindable commands', async () => {
    const manifest = await env.worker.evaluate(() => chrome.runtime.getManifest());
    assert.deepEqual(manifest.permissions, ['storage']);
    assert.equal(manifest.host_permissions, undefined);
    assert.equal(manifest.action.default_popup, 'popup/popup.html');
    const commands = await env.worker.evaluate(() => chrome.commands.getAll());
    const byName = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    assert.deepEqual(Object.keys(byName).sort(), ['_execute_action', 'next-mark', 'previous-mark', 'toggle-sidebar']);
    assert.equal(byName['toggle-sidebar'], 'Alt+Shift+K');
  });

  test('shows this site and the page\'s marks; the category switches apply to open tabs at once', async () => {
    await resetSettings();
    const page = await openMarked(env.context, env.server.url + FIXTURE, messages);
    const other = await openMarked(env.context, `${otherSite()}article/example.html`, messages);
    const popup = await popupFor(page);
    assert.equal(await popup.textContent('#site-label'), 'On for 127.0.0.1');
    assert.equal(await popup.isChecked('#site'), true);
    assert.equal(await popup.isChecked('#enabled'), true);
    assert.match(await popup.textContent('#page-status'), /^7 marks on this page\.$/);
    await settle(popup);
    await popup.screenshot({ path: artifact('ui-popup.png') });
    assert.deepEqual(await axeViolations(popup), []);

    await popup.uncheck('input[data-category="hedging"]');
    await page.waitForFunction(() => !CSS.highlights.has('caveat-hedging'), null, { timeout: 3000 });
    await other.waitForFunction(() => !CSS.highlights.has('caveat-hedging'), null, { timeout: 3000 });
    assert.equal((await stored()).categories.hedging, false);
    await popup.check('input[data-category="hedging"]');
    await page.waitForFunction(() => CSS.highlights.has('caveat-hedging'), null, { timeout: 3000 });
    await other.waitForFunction(() => CSS.highlights.has('caveat-hedging'), null, { timeout: 3000 });
    await popup.close();
    await other.close();
    await page.close();
  });

  test('off for this site: its open pages lose their marks and new ones stay unmarked; other sites keep theirs', async () => {
    await resetSettings();
    const page = await openMarked(env.context, env.server.url + FIXTURE, messages);
    const other = await openMarked(env.context, `${otherSite()}${FIXTURE}`, messages);
    let popup = await popupFor(page);
    await popup.uncheck('#site');
    await page.waitForFunction(() => !['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)), null, { timeout: 3000 });
    assert.deepEqual((await stored()).sites, { '127.0.0.1': 'never' });
    assert.equal(await marked(other), true, 'another site lost its marks');
    await popup.waitForFunction(() => document.getElementById('page-status').textContent === 'Off for 127.0.0.1.');
    const fresh = await pageWithoutMarks(env.server.url + FIXTURE);
    assert.equal(await marked(fresh), false, 'a page of a site turned off was marked');
    // The site's keyboard command still works: asking marks the page.
    await fresh.bringToFront();
    await env.worker.evaluate(() => globalThis.caveatBackground.routeCommand('toggle-sidebar'));
    await fresh.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-sidebar:not([hidden])'), null, { timeout: 5000 });
    assert.equal(await marked(fresh), true);
    await fresh.close();
    // Back on: the open page is marked again.
    await popup.close();
    popup = await popupFor(page);
    await popup.check('#site');
    await page.waitForFunction(() => CSS.highlights.has('caveat-sourcing'), null, { timeout: 3000 });
    assert.deepEqual((await stored()).sites, {});
    await popup.close();
    await other.close();
    await page.close();
  });

  test('Caveat off: every open tab loses its marks and UI; on again: they come back', async () => {
    await resetSettings();
    const page = await openMarked(env.context, env.server.url + FIXTURE, messages);
    const other = await openMarked(env.context, `${otherSite()}article/example.html`, messages);
    const popup = await popupFor(page);
    await popup.uncheck('#enabled');
    for (const p of [page, other]) {
      await p.waitForFunction(() => !['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)), null, { timeout: 3000 });
    }
    assert.equal(await popup.isDisabled('input[data-category="sourcing"]'), true);
    assert.equal(await popup.isDisabled('#open-sidebar'), true);
    assert.match(await popup.textContent('#page-status'), /Caveat is off/);
    // Commands do nothing while off.
    await page.bringToFront();
    await env.worker.evaluate(() => globalThis.caveatBackground.routeCommand('toggle-sidebar'));
    await sleep(300);
    assert.equal(await page.evaluate(() => document.querySelector('caveat-ui')), null);
    await popup.check('#enabled');
    for (const p of [page, other]) await p.waitForFunction(() => CSS.highlights.has('caveat-sourcing'), null, { timeout: 3000 });
    await popup.close();
    await other.close();
    await page.close();
  });

  test('only when asked (options page): pages load unmarked until "Mark this page"; "Open the sidebar" opens it', async () => {
    await resetSettings();
    const options = await env.context.newPage();
    watchConsole(options, messages);
    await options.goto(`chrome-extension://${env.id}/options/options.html`);
    await options.waitForFunction(() => document.documentElement.dataset.ready);
    await options.check('input[name="run"][value="ask"]');
    assert.equal((await stored()).mode, 'ask');
    const shortcuts = await options.textContent('#keys');
    assert.match(shortcuts, /Alt\+Shift\+K Show or hide the Caveat sidebar/);
    await options.close();

    const page = await pageWithoutMarks(env.server.url + FIXTURE);
    assert.equal(await marked(page), false, 'a page was marked without being asked');
    const popup = await popupFor(page);
    assert.match(await popup.textContent('#page-status'), /only when you ask/);
    assert.equal(await popup.isChecked('#site'), false);
    await popup.click('#run');
    await page.waitForFunction(() => CSS.highlights.has('caveat-sourcing'), null, { timeout: 5000 });
    await popup.waitForFunction(() => /marks on this page/.test(document.getElementById('page-status').textContent));
    await popup.click('#open-sidebar');
    await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-sidebar:not([hidden])'), null, { timeout: 5000 });
    if (!popup.isClosed()) await popup.close();

    // "On for this site" in this mode means "always mark it".
    const popup2 = await popupFor(page);
    await popup2.check('#site');
    assert.deepEqual((await stored()).sites, { '127.0.0.1': 'always' });
    await popup2.close();
    const fresh = await openMarked(env.context, env.server.url + FIXTURE, messages);
    await fresh.close();
    await page.close();
  });

  test('on a page Caveat cannot run on, the popup says so and offers nothing that cannot work', async () => {
    await resetSettings();
    const blank = await env.context.newPage();
    await blank.goto('about:blank');
    const popup = await popupFor(blank, { colorScheme: 'dark' });
    assert.match(await popup.textContent('#page-status'), /can't run on this page/);
    assert.equal(await popup.isDisabled('#site'), true);
    assert.equal(await popup.isDisabled('#open-sidebar'), true);
    assert.deepEqual(await axeViolations(popup), [], 'dark popup');
    await popup.close();
    await blank.close();
  });

  test('no console errors or warnings', () => {
    assert.deepEqual(messages, []);
  });
});
