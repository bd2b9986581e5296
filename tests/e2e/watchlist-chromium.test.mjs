// The reader's watch-list end to end in headless Chromium with the built extension:
// the settings page's editor (add, edit, delete, undo; an invalid pattern's message
// from the regex crate, not saved; a list over the sync quota kept on this device
// with a message), marks on open tabs at once, the card with the entry and the note,
// the sidebar's section, a page whose CSP refuses Wasm (the background runs the
// watch-list), axe light and dark, and the watch-list's module loaded only with a list.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  artifact, axeViolations, caveatProblems, highlightedTexts, highlightPoint, openMarked, recordRequests, settle, sleep,
  useExtensionInChromium, watchConsole,
} from './helpers.mjs';

const env = useExtensionInChromium();
const messages = [];
const ARTICLE = 'article/example.html';

const resetSettings = () =>
  env.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
  });
const synced = () => env.worker.evaluate(() => chrome.storage.sync.get(null));
const kept = () => env.worker.evaluate(() => chrome.storage.local.get(null));

const waitWatchMarks = (page, n) =>
  page.waitForFunction((want) => (CSS.highlights.get('caveat-watchlist')?.size ?? 0) === want, n, { timeout: 10_000 });

async function optionsPage({ colorScheme = 'light' } = {}) {
  const page = await env.context.newPage();
  watchConsole(page, messages);
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`chrome-extension://${env.id}/options/options.html`);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/** Add an entry with the editor's own form, as a reader would. */
async function add(options, pattern, note = '') {
  await options.fill('.wl-add input[name="pattern"]', pattern);
  await options.fill('.wl-add input[name="note"]', note);
  await options.click('.wl-add button[type="submit"]');
}

const listed = (options) =>
  options.$$eval('.cv-watchlist li', (rows) =>
    rows.map((r) => [r.querySelector('.wl-entry').textContent, r.querySelector('.wl-note').textContent]));

describe('watch-list (Chromium)', () => {
  test('the editor adds, edits, deletes and undoes; an invalid pattern shows the regex crate\'s message and is not saved', async () => {
    await resetSettings();
    const options = await optionsPage();
    assert.equal(await options.isVisible('.wl-empty'), true);
    await add(options, 'harbour authority', 'who runs the port');
    await options.waitForFunction(() => document.querySelectorAll('.cv-watchlist li').length === 1);
    assert.deepEqual((await synced()).watchlist, [{ pattern: 'harbour authority', note: 'who runs the port' }]);
    assert.match(await options.textContent('.wl-status'), /^Added “harbour authority”\. Undo$/);

    // An invalid pattern: the crate's own words beside the field, nothing saved.
    await add(options, '/(ferr(y|ies)/', 'unclosed');
    await options.waitForSelector('.wl-add .wl-error:not([hidden])');
    const error = await options.textContent('.wl-add .wl-error');
    assert.match(error, /regex parse error/);
    assert.match(error, /error: unclosed group/);
    assert.equal(await options.getAttribute('.wl-add input[name="pattern"]', 'aria-invalid'), 'true');
    assert.equal((await synced()).watchlist.length, 1, 'the invalid pattern was saved');
    // A pattern too big to compile says so in plain words.
    await add(options, '/\\w{1000}{1000}/');
    await options.waitForFunction(() => /too big/.test(document.querySelector('.wl-add .wl-error').textContent));
    // Corrected, it is accepted and the message goes.
    await add(options, '/ferr(y|ies)/', 'boats');
    await options.waitForFunction(() => document.querySelectorAll('.cv-watchlist li').length === 2);
    assert.equal(await options.isHidden('.wl-add .wl-error'), true);
    assert.deepEqual(await listed(options), [['“harbour authority”', 'who runs the port'], ['/ferr(y|ies)/', 'boats']]);

    // Edit: an invalid change is refused in place; a valid one is saved.
    await options.click('button[aria-label="Edit /ferr(y|ies)/"]');
    await options.fill('li.editing input[name="pattern"]', '/ferr(y|ies/');
    await options.click('li.editing button[type="submit"]');
    await options.waitForSelector('li.editing .wl-error:not([hidden])');
    assert.match(await options.textContent('li.editing .wl-error'), /unclosed group/);
    assert.equal((await synced()).watchlist[1].pattern, '/ferr(y|ies)/');
    await options.fill('li.editing input[name="pattern"]', '/ferr(y|ies)|port/');
    await options.fill('li.editing input[name="note"]', 'boats and ports');
    await settle(options);
    await options.screenshot({ path: artifact('watchlist-settings-editing.png'), fullPage: true });
    await options.click('li.editing button[type="submit"]');
    await options.waitForFunction(() => !document.querySelector('li.editing'));
    assert.deepEqual((await synced()).watchlist[1], { pattern: '/ferr(y|ies)|port/', note: 'boats and ports' });

    // Delete, then undo.
    await options.click('button[aria-label="Delete “harbour authority”"]');
    await options.waitForFunction(() => document.querySelectorAll('.cv-watchlist li').length === 1);
    assert.deepEqual((await synced()).watchlist.map((e) => e.pattern), ['/ferr(y|ies)|port/']);
    assert.match(await options.textContent('.wl-status'), /^Deleted “harbour authority”\. Undo$/);
    await options.click('.wl-undo');
    await options.waitForFunction(() => document.querySelectorAll('.cv-watchlist li').length === 2);
    assert.deepEqual((await synced()).watchlist.map((e) => e.pattern), ['harbour authority', '/ferr(y|ies)|port/']);
    assert.equal(await options.textContent('.wl-status'), 'Undone.');

    // The list survives a reload of the page.
    await options.reload();
    await options.waitForSelector('html[data-ready="true"]');
    assert.deepEqual(await listed(options), [['“harbour authority”', 'who runs the port'], ['/ferr(y|ies)|port/', 'boats and ports']]);
    await add(options, '/(unclosed/');
    await options.waitForSelector('.wl-add .wl-error:not([hidden])');
    await settle(options);
    await options.locator('#watchlist').screenshot({ path: artifact('watchlist-settings.png') });
    assert.deepEqual(await axeViolations(options), []);
    await options.close();

    const dark = await optionsPage({ colorScheme: 'dark' });
    await add(dark, '/[z-a]/');
    await dark.waitForSelector('.wl-add .wl-error:not([hidden])');
    assert.match(await dark.textContent('.wl-add .wl-error'), /invalid character class range/);
    await settle(dark);
    await dark.locator('#watchlist').screenshot({ path: artifact('watchlist-settings-dark.png') });
    assert.deepEqual(await axeViolations(dark), []);
    await dark.close();
  });

  test('marks appear on open tabs at once; the card shows the entry and the note; the sidebar lists what matched', async () => {
    await resetSettings();
    const requests = recordRequests(env.context);
    const page = await openMarked(env.context, env.server.url + ARTICLE, messages);
    const other = await openMarked(env.context, `${env.server.url.replace('127.0.0.1', 'localhost')}${ARTICLE}`, messages);
    // No list: the watch-list's module was never fetched.
    const fetched = (file) => requests.some((r) => r.url.endsWith(`/wasm/${file}`));
    await sleep(500);
    assert.ok(!fetched('watchlist_bg.wasm') && !fetched('watchlist_phrases_bg.wasm'), 'a watch-list module was fetched without a list');
    assert.deepEqual(await page.evaluate(highlightedTexts, 'caveat-watchlist'), []);

    const options = await optionsPage();
    await add(options, 'harbour authority', 'who runs the port');
    await waitWatchMarks(page, 1);
    await waitWatchMarks(other, 1);
    // A phrase alone: the small module, without the regex crate.
    assert.ok(fetched('watchlist_phrases_bg.wasm'), 'the phrases module was not fetched');
    assert.ok(!fetched('watchlist_bg.wasm'), 'the full module was fetched for a phrase');
    await add(options, '/new (ferry|schedule)/', 'tracking the ferry story');
    await waitWatchMarks(page, 4);
    await waitWatchMarks(other, 4);
    assert.ok(fetched('watchlist_bg.wasm'), 'a /pattern/ did not load the full module');
    assert.deepEqual(await page.evaluate(highlightedTexts, 'caveat-watchlist'), ['harbour authority', 'new ferry', 'new schedule', 'new schedule']);
    // The core's marks are untouched by the list.
    assert.ok(await page.evaluate(() => CSS.highlights.get('caveat-sourcing').size > 0));

    // The card: the entry that matched and the reader's note.
    await page.bringToFront();
    const box = await page.evaluate(highlightPoint, { name: 'caveat-watchlist', text: 'new ferry' });
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])[data-category="watchlist"]'));
    const card = await page.evaluate(() => {
      const c = document.querySelector('caveat-ui').shadowRoot.querySelector('.cv-card');
      return {
        text: c.textContent,
        entry: c.querySelector('.entry').textContent,
        note: c.querySelector('.note').textContent,
        buttons: Array.from(c.querySelectorAll('button'), (b) => b.textContent),
      };
    });
    assert.equal(card.entry, '/new (ferry|schedule)/');
    assert.equal(card.note, 'tracking the ferry story');
    for (const part of ['Watch-list', 'On your watch-list', 'A phrase or pattern from your own watch-list.', '“new ferry”']) {
      assert.ok(card.text.includes(part), `card lacks "${part}": ${card.text}`);
    }
    assert.deepEqual(card.buttons, ['Hide this mark', 'Turn off watch-list']);
    await settle(page);
    await page.screenshot({ path: artifact('watchlist-card.png') });
    assert.deepEqual(await axeViolations(page, [['caveat-ui', '.cv-card']]), []);
    await page.mouse.move(5, 5);

    // The sidebar: the category's count and switch, and which entries matched.
    await page.evaluate(() => window.scrollTo(0, 0));
    await env.worker.evaluate(() => globalThis.caveatBackground.routeCommand('toggle-sidebar'));
    await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-sidebar:not([hidden])'));
    const sidebar = await page.evaluate(() => {
      const s = document.querySelector('caveat-ui').shadowRoot.querySelector('.cv-sidebar');
      return {
        count: s.querySelector('tr[data-category="watchlist"] .count').textContent,
        watch: Array.from(s.querySelectorAll('.watchlist li'), (li) => li.textContent),
      };
    });
    assert.equal(sidebar.count, '4');
    assert.deepEqual(sidebar.watch, ['harbour authority — 1 mark', '/new (ferry|schedule)/ — 3 marks']);
    await settle(page);
    await page.screenshot({ path: artifact('watchlist-sidebar.png') });
    assert.deepEqual(await axeViolations(page, [['caveat-ui', '.cv-sidebar']]), []);
    await page.emulateMedia({ colorScheme: 'dark' });
    await settle(page);
    assert.deepEqual(await axeViolations(page, [['caveat-ui', '.cv-sidebar']]), []);
    await page.screenshot({ path: artifact('watchlist-sidebar-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    // Its switch hides the category in every tab.
    await page.click('caveat-ui .cv-sidebar input[data-category="watchlist"]');
    await other.waitForFunction(() => !CSS.highlights.has('caveat-watchlist'), null, { timeout: 5000 });
    await page.click('caveat-ui .cv-sidebar input[data-category="watchlist"]');
    await waitWatchMarks(other, 4);

    // Edited and deleted entries change the marks at once; an emptied list leaves none.
    await options.bringToFront();
    await options.click('button[aria-label="Edit “harbour authority”"]');
    await options.fill('li.editing input[name="pattern"]', 'safety inspection');
    await options.click('li.editing button[type="submit"]');
    await other.waitForFunction(`(${highlightedTexts})('caveat-watchlist').includes('safety inspection')`);
    await options.click('button[aria-label="Delete /new (ferry|schedule)/"]');
    await waitWatchMarks(other, 1);
    await options.click('button[aria-label="Delete “safety inspection”"]');
    await waitWatchMarks(other, 0);
    await options.click('.wl-undo');
    await waitWatchMarks(other, 1);
    await options.close();
    await other.close();
    await page.close();
  });

  test('a page whose CSP refuses Wasm gets the watch-list from the background', async () => {
    await resetSettings();
    await env.worker.evaluate(() => chrome.storage.sync.set({ watchlist: [{ pattern: '/ferr(y|ies)/', note: 'boats' }] }));
    const page = await openMarked(env.context, `${env.server.url}${ARTICLE}?csp=strict`, messages);
    await waitWatchMarks(page, 3);
    assert.deepEqual((await page.evaluate(highlightedTexts, 'caveat-watchlist')).sort(), ['ferries', 'ferries', 'ferry']);
    await page.close();
  });

  test('a list over the sync quota is kept on this device, complete, and the editor says what to do', async () => {
    await resetSettings();
    const options = await optionsPage();
    const note = 'n'.repeat(480);
    const n = 18;
    for (let i = 0; i < n; i++) {
      await add(options, `entry ${i}`, note);
      await options.waitForFunction((k) => document.querySelectorAll('.cv-watchlist li').length === k, i + 1);
    }
    await add(options, 'harbour authority', 'the last one');
    await options.waitForSelector('.wl-quota:not([hidden])');
    const message = await options.textContent('.wl-quota');
    assert.match(message, /more than the 8\.0 KB your browser syncs for one setting/);
    assert.match(message, /saved on this device, complete/);
    assert.match(message, /shorten notes or remove entries until it is under 8\.0 KB/);
    await sleep(300);
    assert.equal((await kept()).watchlist.length, n + 1, 'the whole list is in storage.local');
    // A tab opened now gets the whole list, its last entry included.
    const page = await openMarked(env.context, env.server.url + ARTICLE, messages);
    await waitWatchMarks(page, 1);
    // The page shows it all after a reload; deleting entries until it fits syncs it again.
    await options.reload();
    await options.waitForSelector('html[data-ready="true"]');
    assert.equal((await listed(options)).length, n + 1);
    for (let i = 0; i < 6; i++) await options.click('.cv-watchlist li button[aria-label^="Delete “entry"]');
    await options.waitForSelector('.wl-quota[hidden]', { state: 'attached' });
    await sleep(300);
    assert.equal((await synced()).watchlist.length, n + 1 - 6);
    assert.equal((await kept()).watchlist, undefined);
    await waitWatchMarks(page, 1);
    await options.close();
    await page.close();
  });

  test('the playground has the same editor and marks', async () => {
    const page = await env.context.newPage();
    watchConsole(page, messages);
    await page.goto(env.server.url);
    await page.waitForFunction(() => document.documentElement.dataset.caveatReady, null, { timeout: 15_000 });
    const marked = () => page.evaluate(highlightedTexts, 'caveat-watchlist');
    assert.deepEqual(await marked(), []);
    await add(page, '/(unclosed/');
    await page.waitForSelector('.wl-add .wl-error:not([hidden])');
    assert.match(await page.textContent('.wl-add .wl-error'), /unclosed group/);
    await page.fill('#text', 'The minister said the common-sense reform was a Common-Sense Reform.');
    await add(page, 'common-sense reform', 'slogan');
    await page.waitForFunction(() => (CSS.highlights.get('caveat-watchlist')?.size ?? 0) === 2, null, { timeout: 10_000 });
    assert.deepEqual(await marked(), ['common-sense reform', 'Common-Sense Reform']);
    assert.equal(await page.textContent('caveat-ui >> tr[data-category="watchlist"] .count'), '2');
    await page.click('button[aria-label="Delete “common-sense reform”"]');
    await page.waitForFunction(() => (CSS.highlights.get('caveat-watchlist')?.size ?? 0) === 0);
    await page.click('.wl-undo');
    await page.waitForFunction(() => (CSS.highlights.get('caveat-watchlist')?.size ?? 0) === 2);
    await page.locator('#watchlist').scrollIntoViewIfNeeded();
    await settle(page);
    await page.screenshot({ path: artifact('watchlist-playground.png') });
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  test('no console errors or warnings', () => {
    assert.deepEqual(caveatProblems(messages), []);
  });
});
