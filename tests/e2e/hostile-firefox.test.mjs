// Hostile pages in headless Firefox ESR with the extension (pages that fight back
// must neither break Caveat nor be broken by it), driven by
// puppeteer-core over WebDriver BiDi: the same fixtures and expectations as the
// Chromium suite, as served, under `?csp=strict` and under `?csp=tt` (strict CSP
// and Trusted Types). Firefox's content scripts compile Wasm whatever the page's
// CSP, so no violation at all is allowed. Firefox reports no layout-shift
// entries, so that check is Chromium's. Requests are recorded per page (the background page is out
// of BiDi's reach here; the Chromium suite records its service worker).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertPageUnchanged, HOSTILE_FIXTURES, markProblems } from './hostile-fixtures.mjs';
import {
  caveatDone, foreignRequests, launchFirefoxWithExtension, markLocations, sleep, startServer,
  watchConsole,
} from './helpers.mjs';

const VARIANTS = [
  { suffix: '', label: 'as served' },
  { suffix: '?csp=strict', label: "script-src 'self'" },
  { suffix: '?csp=tt', label: 'strict CSP + Trusted Types' },
];

let server;
let browser;
const requests = [];

before(async () => {
  server = await startServer();
  browser = await launchFirefoxWithExtension();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function openDone(path) {
  const page = await browser.newPage();
  const messages = watchConsole(page);
  page.on('request', (r) => requests.push({ url: r.url() }));
  await page.goto(server.url + path);
  await page.waitForFunction(caveatDone, { timeout: 15_000 });
  return { page, messages };
}

describe('Firefox on hostile pages', () => {
  for (const fixture of HOSTILE_FIXTURES) {
    for (const { suffix, label } of VARIANTS) {
      test(`${fixture.name} (${label})`, async () => {
        const { page, messages } = await openDone(fixture.path + suffix);
        const marks = await page.evaluate(markLocations, [...Object.keys(fixture.marked), ...fixture.unmarked]);
        assert.deepEqual(markProblems(fixture, marks), []);
        await assertPageUnchanged(page);
        assert.deepEqual(messages, [], 'console errors or warnings');
        await page.close();
      });
    }
  }

  test('frames: same-origin and srcdoc frames are marked by their own Caveat; other-origin and sandboxed ones are left alone', async () => {
    const { page, messages } = await openDone('fixtures/hostile-frames.html');
    const frame = async (selector) => (await page.$(selector)).contentFrame();
    const [same, srcdoc, cross, sandboxed] = await Promise.all(['#same', '#srcdoc', '#cross', '#sandboxed'].map(frame));
    for (const [f, phrase] of [[same, 'a person familiar with the plans said'], [srcdoc, 'reportedly']]) {
      await f.waitForFunction(caveatDone, { timeout: 15_000 });
      const texts = (await f.evaluate(markLocations, [])).map((m) => m.text);
      assert.ok(texts.includes(phrase), `${f.url()}: ${JSON.stringify(texts)}`);
    }
    await sleep(1500);
    for (const f of [cross, sandboxed]) {
      assert.equal(await f.evaluate(caveatDone), false, `${f.url()} was analysed`);
      assert.equal(await f.evaluate(() => CSS.highlights.size), 0, `${f.url()} has highlights`);
    }
    await assertPageUnchanged(page);
    assert.deepEqual(messages, []);
    await page.close();
  });

  test('no page or frame request goes anywhere but the test server and the extension', () => {
    const port = new URL(server.url).port;
    assert.ok(requests.length > 0, 'no request was recorded');
    const extensionRequests = requests.filter((r) => r.url.startsWith('moz-extension://'));
    const origins = new Set(extensionRequests.map((r) => r.url.split('/').slice(0, 3).join('/')));
    assert.ok(origins.size <= 1, `more than one extension: ${[...origins]}`);
    const allowedOrigins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    assert.deepEqual(foreignRequests(requests, { allowedOrigins, extensionOrigin: [...origins][0] }), []);
  });
});
