// The reader's watch-list in headless Firefox ESR (puppeteer-core over WebDriver BiDi,
// the built extension as a temporary add-on): the settings page's editor (add, edit,
// delete, undo, an invalid pattern's message from the regex crate, nothing saved), the
// marks on open tabs at once, the card with the entry and the note, axe light and dark
// on the settings page and the sidebar.
//
// The settings page is reached as kind-firefox.test.mjs reaches the popup: BiDi neither
// navigates to nor scripts moz-extension:// pages, so the browser runs with
// `--remote-allow-system-access` and extension pages in the parent process, and the
// test opens options/options.html in a background tab from the browser window (chrome
// scope), where it types into the editor's fields and presses its buttons. axe runs
// there in a sandbox over the page (its CSP refuses injected scripts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { axeViolations, E2E_DIR, highlightedTexts, highlightPoint, launchFirefoxWithChromeAccess, sleep, startServer, watchConsole } from './helpers.mjs';

let server;
let browser;
let extensionId;
let inBrowserWindow;
const messages = [];
const AXE = fs.readFileSync(path.join(E2E_DIR, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

before(async () => {
  server = await startServer();
  ({ browser, extensionId, inBrowserWindow } = await launchFirefoxWithChromeAccess());
});

after(async () => {
  await browser?.close();
  server?.stop();
});

// These run in the browser window (chrome scope), not in the test.
function openOptionsTab(id) {
  const g = globalThis;
  const url = g.WebExtensionPolicy.getByID(JSON.parse(id)).getURL('options/options.html');
  const tab = g.gBrowser.addTab(url, { triggeringPrincipal: g.Services.scriptSecurityManager.getSystemPrincipal(), inBackground: true });
  g.caveatTestTabs ??= [];
  return JSON.stringify(g.caveatTestTabs.push(tab) - 1);
}
function editorState(n) {
  const doc = globalThis.caveatTestTabs[JSON.parse(n)].linkedBrowser.contentDocument;
  if (!doc?.location?.href.startsWith('moz-extension:') || doc.documentElement?.dataset.ready !== 'true') return JSON.stringify(null);
  const text = (sel) => doc.querySelector(sel)?.textContent ?? null;
  const error = doc.querySelector('.wl-add .wl-error');
  return JSON.stringify({
    rows: Array.from(doc.querySelectorAll('.cv-watchlist li:not(.editing)'), (li) => [li.querySelector('.wl-entry').textContent, li.querySelector('.wl-note').textContent]),
    editing: !!doc.querySelector('li.editing'),
    error: error && !error.hidden ? error.textContent : null,
    editError: doc.querySelector('li.editing .wl-error:not([hidden])')?.textContent ?? null,
    status: text('.wl-status'),
    dark: doc.defaultView.matchMedia('(prefers-color-scheme: dark)').matches,
  });
}
/** Fill the add form (or the edit form) and submit it. */
function submitEntry(n, where, pattern, note) {
  const doc = globalThis.caveatTestTabs[JSON.parse(n)].linkedBrowser.contentDocument;
  const form = doc.querySelector(JSON.parse(where) === 'edit' ? 'li.editing form' : '.wl-add');
  form.elements.pattern.value = JSON.parse(pattern);
  form.elements.note.value = JSON.parse(note);
  form.requestSubmit();
}
function clickIn(n, selector) {
  globalThis.caveatTestTabs[JSON.parse(n)].linkedBrowser.contentDocument.querySelector(JSON.parse(selector)).click();
}
async function axeIn(n, source) {
  const win = globalThis.caveatTestTabs[JSON.parse(n)].linkedBrowser.contentWindow;
  const cu = globalThis.Components.utils;
  const sandbox = cu.Sandbox(win, { sandboxPrototype: win, wantXrays: false });
  cu.evalInSandbox(JSON.parse(source), sandbox);
  const axe = [sandbox.axe, win.axe, win.wrappedJSObject?.axe].find((a) => typeof a?.run === 'function');
  if (!axe) return JSON.stringify([{ id: 'no-axe', keys: Object.keys(sandbox.axe ?? {}).slice(0, 8) }]);
  const r = await axe.run(win.document, { resultTypes: ['violations'] });
  return JSON.stringify(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help })));
}
function setDark(on) {
  globalThis.Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', JSON.parse(on) ? 0 : 1);
  globalThis.Services.prefs.setIntPref('ui.systemUsesDarkTheme', JSON.parse(on) ? 1 : 0);
}
function closeTab(n) {
  globalThis.gBrowser.removeTab(globalThis.caveatTestTabs[JSON.parse(n)]);
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

async function optionsTab() {
  const n = await inBrowserWindow(openOptionsTab, extensionId);
  const state = () => inBrowserWindow(editorState, n);
  await until('the settings page', state, (s) => s !== null);
  return {
    state,
    until: (what, ok) => until(what, state, ok),
    add: (pattern, note = '') => inBrowserWindow(submitEntry, n, 'add', pattern, note),
    edit: (pattern, note = '') => inBrowserWindow(submitEntry, n, 'edit', pattern, note),
    click: (selector) => inBrowserWindow(clickIn, n, selector),
    axe: () => inBrowserWindow(axeIn, n, AXE),
    close: () => inBrowserWindow(closeTab, n),
  };
}

async function open(file) {
  const page = await browser.newPage();
  watchConsole(page, messages);
  await page.goto(server.url + file);
  await page.waitForFunction(() => CSS.highlights.has('caveat-sourcing'), { timeout: 15_000 });
  return page;
}

const watchMarks = async (page) => (await page.evaluate(highlightedTexts, 'caveat-watchlist')).sort();
const waitWatchMarks = (page, n) =>
  page.waitForFunction((want) => (CSS.highlights.get('caveat-watchlist')?.size ?? 0) === want, { timeout: 10_000 }, n);

describe('watch-list (Firefox)', () => {
  test('the editor adds, edits, deletes and undoes; marks change on open tabs at once; an invalid pattern shows the crate\'s message', async () => {
    const page = await open('article/example.html');
    const other = await open('article/example.html?again');
    assert.deepEqual(await watchMarks(page), []);
    const options = await optionsTab();

    await options.add('harbour authority', 'who runs the port');
    await options.until('the entry', (s) => s.rows.length === 1);
    await waitWatchMarks(page, 1);
    await waitWatchMarks(other, 1);

    await options.add('/(ferr(y|ies)/', 'unclosed');
    const refused = await options.until('the error', (s) => s.error);
    assert.match(refused.error, /regex parse error/);
    assert.match(refused.error, /error: unclosed group/);
    assert.equal(refused.rows.length, 1, 'the invalid pattern was saved');

    await options.add('/ferr(y|ies)/', 'boats');
    const two = await options.until('the second entry', (s) => s.rows.length === 2);
    assert.equal(two.error, null);
    assert.deepEqual(two.rows, [['“harbour authority”', 'who runs the port'], ['/ferr(y|ies)/', 'boats']]);
    await waitWatchMarks(other, 4);
    assert.deepEqual(await watchMarks(other), ['ferries', 'ferries', 'ferry', 'harbour authority']);

    // Edit: refused with the message, then saved.
    await options.click('button[aria-label="Edit /ferr(y|ies)/"]');
    await options.until('the edit form', (s) => s.editing);
    await options.edit('/ferr(y|ies/', 'boats');
    assert.match((await options.until('the edit error', (s) => s.editError)).editError, /unclosed group/);
    await options.edit('/safety inspection/', 'checks');
    await options.until('the edited entry', (s) => !s.editing && s.rows[1]?.[0] === '/safety inspection/');
    await waitWatchMarks(page, 2);
    assert.deepEqual(await watchMarks(page), ['harbour authority', 'safety inspection']);

    // The card: the entry and the note.
    await page.bringToFront();
    const box = await page.evaluate(highlightPoint, { name: 'caveat-watchlist', text: 'safety inspection', scroll: true });
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])[data-category="watchlist"]'), { timeout: 5000 });
    const card = await page.evaluate(() => {
      const c = document.querySelector('caveat-ui').shadowRoot.querySelector('.cv-card');
      return { entry: c.querySelector('.entry').textContent, note: c.querySelector('.note').textContent, text: c.textContent };
    });
    assert.deepEqual([card.entry, card.note], ['/safety inspection/', 'checks']);
    assert.ok(card.text.includes('On your watch-list'), card.text);
    assert.deepEqual(await axeViolations(page, [['caveat-ui', '.cv-card']]), []);

    // Delete, then undo.
    await options.click('button[aria-label="Delete “harbour authority”"]');
    const deleted = await options.until('the deletion', (s) => s.rows.length === 1);
    assert.match(deleted.status, /^Deleted “harbour authority”\. Undo$/);
    await waitWatchMarks(other, 1);
    await options.click('.wl-undo');
    await options.until('the undo', (s) => s.rows.length === 2 && s.status === 'Undone.');
    await waitWatchMarks(other, 2);

    // axe on the settings page, light and dark.
    await options.add('/[z-a]/');
    assert.match((await options.until('the error', (s) => s.error)).error, /invalid character class range/);
    assert.deepEqual(await options.axe(), []);
    await inBrowserWindow(setDark, true);
    try {
      await options.until('dark mode', (s) => s.dark);
      assert.deepEqual(await options.axe(), []);
    } finally {
      await inBrowserWindow(setDark, false);
    }
    await options.close();
    await other.close();
    await page.close();
  });

  test('no console errors or warnings', () => {
    assert.deepEqual(messages, []);
  });
});
