// Hostile pages in headless Chromium with the extension: pages built against
// reading them (furniture of divs, shadow roots, editable areas, right-to-left and
// CJK text, code, Trusted Types and strict CSP) must neither break Caveat nor be
// broken by it. Each fixture,
// as served and under the most locked-down CSP (`?csp=tt`: script-src 'self',
// require-trusted-types-for 'script', only the page's own policy), must get its
// marks where they belong and none elsewhere, while the page's own behaviour stays
// exactly as it was: its DOM serialisation, what its script computes, no DOM
// mutation, no layout shift, no CSP or Trusted Types violation beyond the one
// strict-CSP probe, its button still works, and no console error or warning.
// Every request the browser makes meanwhile (pages, frames, the service worker)
// is recorded: none may go anywhere but the test server and the extension.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

import { assertPageUnchanged, HOSTILE_FIXTURES, markProblems } from './hostile-fixtures.mjs';
import {
  cardState, artifact, caveatDone, CHROMIUM, foreignRequests, highlightPoint, launchChromiumWithExtension, markLocations,
  QUIET_CHROMIUM_ARGS, recordRequests, settle, sleep, startServer, watchConsole,
} from './helpers.mjs';

const VARIANTS = [
  { suffix: '', label: 'as served' },
  { suffix: '?csp=tt', label: 'strict CSP + Trusted Types' },
];

let server;
let context;
let extensionOrigin;
const requests = [];

before(async () => {
  server = await startServer();
  context = await launchChromiumWithExtension();
  recordRequests(context, requests);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  // `new URL` gives non-special schemes the origin "null": keep scheme and host.
  extensionOrigin = worker.url().split('/').slice(0, 3).join('/');
});

after(async () => {
  await context?.close();
  server?.stop();
});

/** Open a page, wait until Caveat has finished in its top frame; returns { page, messages }. */
async function openDone(path) {
  const page = await context.newPage();
  const messages = watchConsole(page);
  await page.goto(server.url + path);
  await page.waitForFunction(caveatDone, null, { timeout: 15_000 });
  return { page, messages };
}

describe('Chromium on hostile pages', () => {
  for (const fixture of HOSTILE_FIXTURES) {
    for (const { suffix, label } of VARIANTS) {
      test(`${fixture.name} (${label})`, async () => {
        const { page, messages } = await openDone(fixture.path + suffix);
        const selectors = [...Object.keys(fixture.marked), ...fixture.unmarked];
        const marks = await page.evaluate(markLocations, selectors);
        assert.deepEqual(markProblems(fixture, marks), []);
        await assertPageUnchanged(page, { allowWasmProbe: suffix !== '' });
        if (!suffix) {
          await settle(page);
          await page.screenshot({ path: artifact(`chromium-${fixture.path.split('/').pop().replace('.html', '')}.png`), fullPage: true });
        }
        assert.deepEqual(messages, [], 'console errors or warnings');
        await page.close();
      });
    }
  }

  for (const { suffix, label } of VARIANTS) {
    test(`frames: same-origin and srcdoc frames are marked by their own Caveat; other-origin and sandboxed ones are left alone (${label})`, async () => {
      const { page, messages } = await openDone(`fixtures/hostile-frames.html${suffix}`);
      const frame = (selector) => page.locator(selector).elementHandle().then((h) => h.contentFrame());
      const [same, srcdoc, cross, sandboxed] = await Promise.all(['#same', '#srcdoc', '#cross', '#sandboxed'].map(frame));
      for (const [f, phrase] of [[same, 'a person familiar with the plans said'], [srcdoc, 'reportedly']]) {
        await f.waitForFunction(caveatDone, null, { timeout: 15_000 });
        const texts = (await f.evaluate(markLocations, [])).map((m) => m.text);
        assert.ok(texts.includes(phrase), `${f.url()}: ${JSON.stringify(texts)}`);
      }
      const top = await page.evaluate(markLocations, ['#top-text']);
      assert.deepEqual(top.map((m) => [m.text, m.inside]), [['allegedly', ['#top-text']]]);
      // The same page in the other frames would long be marked by now.
      await sleep(1500);
      for (const f of [cross, sandboxed]) {
        assert.equal(await f.evaluate(caveatDone), false, `${f.url()} was analysed`);
        assert.equal(await f.evaluate(() => CSS.highlights.size), 0, `${f.url()} has highlights`);
      }
      await assertPageUnchanged(page, { allowWasmProbe: suffix !== '' });
      assert.deepEqual(messages, []);
      await page.close();
    });
  }

  test('editable areas stay editable and unmarked; a designMode document is not analysed', async () => {
    const { page, messages } = await openDone('fixtures/hostile-editable.html');
    const before = await page.evaluate(markLocations, ['#prose']);
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed.');
    await page.fill('#letter', 'A new letter: the source said it may be alleged.');
    await page.click('#subject');
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    assert.equal(await page.textContent('#editor'), 'Editable: the source said this may be alleged. Typed.');
    assert.equal(await page.inputValue('#letter'), 'A new letter: the source said it may be alleged.');
    assert.equal(await page.inputValue('#subject'), 'Input: the source said allegedly!');
    // The marks are where they were, and still none in what was typed.
    assert.deepEqual(await page.evaluate(markLocations, ['#prose']), before);
    const design = await page.locator('#design').elementHandle().then((h) => h.contentFrame());
    await design.waitForFunction(() => document.designMode === 'on');
    await sleep(1000);
    assert.equal(await design.evaluate(caveatDone), false, 'the designMode document was analysed');
    assert.deepEqual(messages, []);
    await page.close();
  });

  test('marks inside a shadow root are styled there (the mark styles are adopted into it) and open their card', async () => {
    const { page } = await openDone('fixtures/hostile-shadow.html');
    const adopted = await page.evaluate(() =>
      ['declarative', 'nested-host'].map((id) => {
        const host = document.getElementById(id) ?? document.getElementById('scripted').shadowRoot.getElementById(id);
        return Array.from(host.shadowRoot.adoptedStyleSheets).some((s) =>
          Array.from(s.cssRules).some((r) => r.cssText.includes('caveat-hedging')),
        );
      }),
    );
    assert.deepEqual(adopted, [true, true]);
    const point = await page.evaluate(highlightPoint, { name: 'caveat-sourcing', text: 'critics say' });
    assert.ok(point, 'no "critics say" mark in the nested shadow root');
    await page.mouse.move(point.x, point.y);
    const card = await page.waitForFunction(cardState, null, { timeout: 5000 });
    assert.match((await card.jsonValue()).text, /critics say/);
    await page.close();
  });

  test("the background refuses malformed messages from the content script's own world with a clear error, and keeps answering", async () => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
    await cdp.send('Runtime.enable');
    await page.goto(`${server.url}fixtures/hostile-news.html`);
    await page.waitForFunction(caveatDone, null, { timeout: 15_000 });
    const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.origin === extensionOrigin);
    assert.ok(world, `no content-script world among ${JSON.stringify(worlds.map((c) => c.origin))}`);
    // Sent exactly as the content script sends: chrome.runtime.sendMessage from its world.
    const ask = async (messageSource) => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression: `chrome.runtime.sendMessage(${messageSource}).then((r) => r ?? 'no reply', (e) => 'rejected: ' + e.message)`,
        awaitPromise: true,
        returnByValue: true,
      });
      assert.equal(exceptionDetails, undefined);
      return result.value;
    };
    const MAX = 16 * 1024 * 1024;
    const cases = [
      ["{ type: 'caveat/analyze', text: 42 }", 'caveat/analyze: text must be a string, not number'],
      ["{ type: 'caveat/analyze' }", 'caveat/analyze: expected the fields text, type (and optionally from), got type'],
      ["{ type: 'caveat/analyze', text: 'a', extra: 1 }", 'caveat/analyze: expected the fields text, type (and optionally from), got extra, text, type'],
      [
        `{ type: 'caveat/analyze', text: 'a'.repeat(${MAX + 1}) }`,
        `caveat/analyze: text too long: ${MAX + 1} UTF-16 code units (the limit is ${MAX})`,
      ],
    ];
    for (const [message, error] of cases) assert.deepEqual(await ask(message), { ok: false, error }, message);
    // Not ours: no listener answers it.
    assert.match(String(await ask("{ type: 'someone-else' }")), /no reply|rejected/);
    // Still alive and answering.
    const text = 'The bridge was allegedly sold.';
    const good = await ask(`{ type: 'caveat/analyze', text: ${JSON.stringify(text)} }`);
    assert.equal(good.ok, true);
    assert.deepEqual(good.value.annotations.map((a) => text.slice(a.start, a.end)), ['allegedly']);
    await page.close();
  });

  test('no request goes anywhere but the test server and the extension (pages, frames, service worker)', async () => {
    // The recorder sees the service worker's requests too: this canary proves it.
    const worker = context.serviceWorkers()[0];
    const canary = `${server.url}fixtures/hostile-probe.js?canary`;
    await worker.evaluate((url) => fetch(url).then((r) => r.status), canary);
    await sleep(200);
    const seen = requests.find((r) => r.url === canary);
    assert.ok(seen?.worker, 'the service worker canary was not recorded: the check below would be blind');
    const port = new URL(server.url).port;
    const allowedOrigins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    const recorded = requests.filter((r) => r.url !== canary);
    assert.ok(recorded.some((r) => r.url.startsWith(`${extensionOrigin}/wasm/caveat_bg.wasm`)), 'content-script loads were not recorded');
    assert.deepEqual(foreignRequests(recorded, { allowedOrigins, extensionOrigin }), []);
    // The service worker (which analysed the `csp=tt` pages) loads only its own Wasm.
    const workerRequests = recorded.filter((r) => r.worker);
    assert.ok(workerRequests.length > 0, 'the service worker never ran: the strict-CSP path was not exercised');
    assert.deepEqual(workerRequests.filter((r) => !r.url.startsWith(`${extensionOrigin}/`)), []);
  });

  test('Caveat adds no request to the page: the server sees the same requests with and without it', async () => {
    const paths = ['fixtures/hostile-news.html', 'fixtures/hostile-frames.html', 'fixtures/hostile-shadow.html'];
    const load = async (ctx) => {
      const seen = recordRequests(ctx);
      for (const path of paths) {
        const page = await ctx.newPage();
        await page.goto(server.url + path);
        await sleep(2500);
        await page.close();
      }
      return seen.filter((r) => !r.url.startsWith('chrome-extension://')).map((r) => r.url).sort();
    };
    const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_CHROMIUM_ARGS });
    try {
      const without = await load(await plain.newContext());
      const withCaveat = await load(context);
      assert.deepEqual(withCaveat, without);
    } finally {
      await plain.close();
    }
  });
});
