// The reading UI's core in headless Firefox ESR (puppeteer-core over WebDriver
// BiDi, the built extension as a temporary add-on): the card's content and
// placement, keyboard focus, Escape, and the toggles: "Hide this mark",
// "Turn off <category>" applied to every open tab and kept for new pages
// (storage.sync in Firefox), with its Undo; axe on the card.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  artifact, axeViolations, cardState, launchFirefoxWithExtension, markGeometry, overlaps, scrollMarkIntoView, settle, sleep,
  startServer, watchConsole,
} from './helpers.mjs';

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

const FIXTURE = 'fixtures/ui.html';

async function openMarked(path) {
  const page = await browser.newPage();
  watchConsole(page, messages);
  await page.goto(server.url + path);
  await page.waitForFunction(() => CSS.highlights.has('caveat-sourcing') || CSS.highlights.has('caveat-hedging'), { timeout: 15_000 });
  return page;
}

async function hover(page, text) {
  await page.evaluate(scrollMarkIntoView, text);
  const g = await page.evaluate(markGeometry, text);
  assert.ok(g, `no drawn mark "${text}"`);
  await page.mouse.move(g.x, g.y);
  await page.waitForFunction(
    (t) => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden]) .phrase')?.textContent === `“${t}”`,
    { timeout: 5000 },
    text,
  );
  return g;
}

/** Click a button of our UI by its text (inside the shadow root). */
async function clickUi(page, selector, text) {
  const box = await page.evaluate((sel, t) => {
    const el = Array.from(document.querySelector('caveat-ui').shadowRoot.querySelectorAll(sel)).find((b) => b.textContent === t);
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector, text);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  await page.mouse.click(box.x, box.y);
}

const size = (page, c) => page.evaluate((cat) => CSS.highlights.get(`caveat-${cat}`)?.size ?? 0, c);

describe('Firefox reading UI', () => {
  test('the card: content, never over its words, axe; Escape closes it', async () => {
    const page = await openMarked(FIXTURE);
    const g = await hover(page, 'the source said');
    const card = await page.evaluate(cardState);
    assert.equal(card.category, 'sourcing');
    for (const part of ['Sourcing', 'Sourcean unnamed source', 'Namedno one', 'Hide this mark', "Don't mark this phrase again", 'Turn off sourcing']) {
      assert.ok(card.text.includes(part), `card lacks "${part}"`);
    }
    for (const r of g.rects) assert.ok(!overlaps(card.rect, r), 'the card covers its words');
    assert.deepEqual(await axeViolations(page, [['caveat-ui', '.cv-card']]), []);
    await settle(page);
    await page.screenshot({ path: artifact('firefox-ui-card.png') });
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(cardState), null);
    await page.close();
  });

  test('keyboard focus on a link holding a mark opens its card', async () => {
    const page = await openMarked(FIXTURE);
    await page.focus('#marked-link');
    await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])'), { timeout: 3000 });
    assert.ok((await page.evaluate(cardState)).text.includes('“the source said”'));
    await page.close();
  });

  test('"Hide this mark" hides one mark on this page; "Turn off hedging" reaches every tab and new pages; Undo restores', async () => {
    const page = await openMarked(FIXTURE);
    const other = await openMarked('article/example.html');
    await page.bringToFront();
    const sourcing = await size(page, 'sourcing');
    await hover(page, 'officials said');
    await clickUi(page, '.cv-card button', 'Hide this mark');
    assert.equal(await size(page, 'sourcing'), sourcing - 1);
    await clickUi(page, '.cv-toast button', 'Undo');
    assert.equal(await size(page, 'sourcing'), sourcing);

    await hover(page, 'believed to');
    await clickUi(page, '.cv-card button', 'Turn off hedging');
    assert.equal(await size(page, 'hedging'), 0);
    await other.waitForFunction(() => !CSS.highlights.has('caveat-hedging'), { timeout: 3000 });
    const fresh = await openMarked(FIXTURE);
    await sleep(300);
    assert.equal(await size(fresh, 'hedging'), 0, 'a new page marks a category turned off');
    await fresh.close();
    await page.bringToFront();
    await clickUi(page, '.cv-toast button', 'Undo');
    await other.waitForFunction(() => CSS.highlights.has('caveat-hedging'), { timeout: 3000 });
    assert.ok((await size(page, 'hedging')) > 0);
    await other.close();
    await page.close();
  });

  test('no console errors or warnings', () => {
    assert.deepEqual(messages, []);
  });
});
