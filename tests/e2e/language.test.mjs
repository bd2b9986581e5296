// A page that is not in English (fixtures/spanish.html, a Spanish news article):
// Caveat reads English, so it marks nothing there and says so plainly, in the
// sidebar, the popup and the Markdown / JSON export, with no likelihood and no "No
// attributions found". Chromium with the built extension (sidebar, popup, export,
// axe light and dark); Firefox (nothing marked, nothing logged).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  artifact, axeViolations, caveatDone, highlightState, launchFirefoxWithExtension, settle, startServer, useExtensionInChromium,
  watchConsole,
} from './helpers.mjs';

const NOT_ENGLISH = 'This page is not in English — Caveat reads English.';
const FIXTURE = 'fixtures/spanish.html';

describe('Chromium', () => {
  const env = useExtensionInChromium();
  const messages = [];
  const command = (name) => env.worker.evaluate((n) => globalThis.caveatBackground.routeCommand(n), name);

  async function openSpanish() {
    const page = await env.context.newPage();
    watchConsole(page, messages);
    await page.goto(env.server.url + FIXTURE);
    await page.waitForFunction(caveatDone, null, { timeout: 15_000 });
    return page;
  }

  test('nothing is marked; the sidebar says the page is not in English, without likelihood or sources', async () => {
    const page = await openSpanish();
    const state = await page.evaluate(highlightState);
    assert.deepEqual(state.counts, { hedging: 0, sourcing: 0, translation: 0 });
    await page.bringToFront();
    await command('toggle-sidebar');
    const bar = page.locator('caveat-ui .cv-sidebar:not([hidden])');
    await bar.waitFor({ timeout: 5000 });
    const note = bar.locator('.language');
    assert.equal(await note.isVisible(), true);
    assert.equal(await note.textContent(), NOT_ENGLISH);
    const text = await bar.innerText();
    assert.doesNotMatch(text, /No attributions found|Likelihood|Too short to tell|Verdict unavailable|attributions anonymous|\d+%/);
    assert.equal(await bar.locator('[role="meter"]').count(), 0);
    assert.equal(await bar.locator('h3', { hasText: 'Machine translation' }).isVisible(), false);
    assert.equal(await bar.locator('h3', { hasText: 'Sources' }).isVisible(), false);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => document.querySelector('caveat-ui').shadowRoot.activeElement?.blur());
      await settle(page);
      assert.deepEqual(await axeViolations(page, [['caveat-ui', '.cv-sidebar']]), [], colorScheme);
      await page.screenshot({ path: artifact(`not-english-sidebar-${colorScheme}.png`) });
    }
    await page.close();
  });

  test('the Markdown and JSON exports say so too', async () => {
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    const page = await openSpanish();
    await page.bringToFront();
    await command('toggle-sidebar');
    const bar = page.locator('caveat-ui .cv-sidebar:not([hidden])');
    await bar.locator('button', { hasText: 'Copy Markdown report' }).click();
    await page.waitForFunction(() => /Markdown report copied/.test(document.querySelector('caveat-ui').shadowRoot.querySelector('.status').textContent));
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(md.includes(NOT_ENGLISH), md);
    assert.doesNotMatch(md, /No attributions found|Likelihood|## Sources|## Machine translation/);
    await bar.locator('button', { hasText: 'Copy JSON report' }).click();
    await page.waitForFunction(() => /JSON report copied/.test(document.querySelector('caveat-ui').shadowRoot.querySelector('.status').textContent));
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(json.language, 'other');
    assert.equal(json.translation.likelihood, null);
    assert.deepEqual(json.marks, []);
    await page.close();
  });

  test('the popup says so, light and dark', async () => {
    const page = await openSpanish();
    for (const colorScheme of ['light', 'dark']) {
      const popup = await env.context.newPage();
      watchConsole(popup, messages);
      await popup.setViewportSize({ width: 320, height: 400 });
      await popup.emulateMedia({ colorScheme });
      await page.bringToFront();
      await popup.goto(`chrome-extension://${env.id}/popup/popup.html`);
      await popup.waitForFunction(() => !document.getElementById('page-status').textContent.includes('Looking'));
      assert.equal(await popup.textContent('#page-status'), NOT_ENGLISH);
      assert.deepEqual(await axeViolations(popup), [], colorScheme);
      await settle(popup);
      await popup.screenshot({ path: artifact(`not-english-popup-${colorScheme}.png`) });
      await popup.close();
    }
    await page.close();
  });

  test('no console output', () => {
    assert.deepEqual(messages, []);
  });
});

describe('Firefox', () => {
  let browser;
  let server;
  before(async () => {
    server = await startServer();
    browser = await launchFirefoxWithExtension();
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });

  test('nothing is marked and nothing is logged', async () => {
    const messages = [];
    const page = await browser.newPage();
    watchConsole(page, messages);
    await page.goto(server.url + FIXTURE);
    await page.waitForFunction(caveatDone, { timeout: 15_000 });
    assert.deepEqual((await page.evaluate(highlightState)).counts, { hedging: 0, sourcing: 0, translation: 0 });
    await page.close();
    assert.deepEqual(messages, []);
  });
});
