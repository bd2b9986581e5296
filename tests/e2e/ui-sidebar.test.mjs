// The sidebar end to end in headless Chromium with the built extension: opened by
// its command, counts / density / toggles, the sources line, the translation
// gauge, the minimap, the mark list, marks hidden on the page, the Markdown and
// JSON export, keyboard use, no layout shift, axe in light and dark.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  artifact, axeViolations, CATEGORIES, openMarked, settle, useExtensionInChromium,
} from './helpers.mjs';

const env = useExtensionInChromium();
const messages = [];

const FIXTURE = 'fixtures/ui.html';
const command = (name) => env.worker.evaluate((n) => globalThis.caveatBackground.routeCommand(n), name);
const resetSettings = () => env.worker.evaluate(() => chrome.storage.sync.clear());

/** In the page: the article's text as the collector joins it (heading and paragraphs, a blank line apart). */
function articleText() {
  return Array.from(document.querySelectorAll('article h1, article p'), (e) => e.textContent.replace(/\s+/g, ' ').trim()).join('\n\n');
}

function drawn() {
  const out = {};
  for (const c of ['hedging', 'sourcing', 'translation']) out[c] = CSS.highlights.get(`caveat-${c}`)?.size ?? 0;
  return out;
}

/** In the page: the drawn ranges in reading order, as text. */
function readingOrder() {
  const all = [];
  // The layer registers StaticRanges: a live Range over the same span compares and reads.
  const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
  for (const c of ['hedging', 'sourcing', 'translation']) for (const r of CSS.highlights.get(`caveat-${c}`) ?? []) all.push(live(r));
  return all.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
}

async function openSidebar(page) {
  await page.bringToFront();
  await command('toggle-sidebar');
  await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-sidebar:not([hidden])'), null, { timeout: 5000 });
  return page.locator('caveat-ui .cv-sidebar');
}

describe('sidebar', () => {
  for (const path of [FIXTURE, 'article/example.html']) {
    test(`${path}: counts, density, sources and the translation verdict agree with the report; no layout shift`, async () => {
      await resetSettings();
      const page = await openMarked(env.context, env.server.url + path, messages);
      const layoutBefore = await page.evaluate(() => ({
        article: JSON.stringify(document.querySelector('article').getBoundingClientRect()),
        width: document.documentElement.scrollWidth,
        scrollY: window.scrollY,
        children: document.documentElement.children.length,
      }));
      const bar = await openSidebar(page);
      // Focus lands in the sidebar (its heading), and the page got exactly one element.
      assert.equal(await page.evaluate(() => document.querySelector('caveat-ui').shadowRoot.activeElement?.textContent), 'Caveat');
      const layoutAfter = await page.evaluate(() => ({
        article: JSON.stringify(document.querySelector('article').getBoundingClientRect()),
        width: document.documentElement.scrollWidth,
        scrollY: window.scrollY,
        children: document.documentElement.children.length,
      }));
      assert.deepEqual(layoutAfter, { ...layoutBefore, children: layoutBefore.children + 1 }, 'opening the sidebar moved the page');

      const report = env.core.analyze(await page.evaluate(articleText));
      const state = await page.evaluate(drawn);
      for (const c of CATEGORIES) {
        assert.equal(Number(await bar.locator(`tr.cat[data-category="${c}"] td.count`).textContent()), state[c], `${c} count`);
        assert.equal(
          await bar.locator(`tr.cat[data-category="${c}"] td.density`).textContent(),
          ((state[c] * 1000) / report.summary.words).toFixed(1),
          `${c} density`,
        );
      }
      const src = report.summary.sources;
      const text = await bar.textContent();
      assert.ok(text.includes(`${src.anonymous} of ${src.attributions} attributions anonymous`), text);
      if (src.named.length) assert.ok(text.includes(`Quoted by name: ${src.named.join(', ')}`), text);
      const tr = report.summary.translation;
      if (tr.too_short) {
        assert.ok(text.includes('Too short to tell.'), text);
        assert.equal(await bar.locator('[role="meter"]').count(), 0);
      } else {
        assert.equal(await bar.locator('[role="meter"]').getAttribute('aria-valuenow'), String(Math.round(tr.likelihood * 100)));
        for (const reason of tr.reasons.slice(0, 3)) assert.ok(text.includes(reason), `reason "${reason}" missing`);
      }
      // Closing removes our element: the page is as it was.
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => document.querySelector('caveat-ui')), null);
      await page.close();
    });
  }

  test('the mark list is in reading order; picking an entry scrolls to the mark and flashes it', async () => {
    await resetSettings();
    const page = await openMarked(env.context, env.server.url + FIXTURE, messages);
    const bar = await openSidebar(page);
    const order = await page.evaluate(readingOrder);
    const listed = await bar.locator('.cv-marklist .text').allTextContents();
    assert.deepEqual(listed, order);
    await bar.locator('.cv-marklist button').last().click();
    await page.waitForFunction((t) => {
      const flash = CSS.highlights.get('caveat-flash');
      if (!flash) return false;
      const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
      const r = live(flash.values().next().value);
      const rect = r.getBoundingClientRect();
      return r.toString() === t && rect.top >= 0 && rect.bottom <= innerHeight;
    }, order.at(-1), { timeout: 3000 });
    await page.close();
  });

  test('the minimap has a tick per mark, top to bottom; a tick (by pointer or keyboard) goes to its mark', async () => {
    await resetSettings();
    const page = await openMarked(env.context, env.server.url + FIXTURE, messages);
    const bar = await openSidebar(page);
    const order = await page.evaluate(readingOrder);
    const ticks = bar.locator('.cv-minimap button.tick');
    assert.equal(await ticks.count(), order.length);
    const tops = await ticks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    assert.deepEqual(tops, [...tops].sort((a, b) => a - b), 'ticks are not in page order');
    assert.ok(tops.at(-1) - tops[0] > 100, 'ticks do not spread over the strip');
    await ticks.last().click();
    const flashing = (t) => {
      const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
      return Array.from(CSS.highlights.get('caveat-flash') ?? []).some((r) => live(r).toString() === t);
    };
    await page.waitForFunction(flashing, order.at(-1));
    // Keyboard: the strip is one tab stop; Home / arrows move between ticks; Enter goes.
    await page.evaluate(() => window.scrollTo(0, 0));
    await ticks.first().focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    const focused = await page.evaluate(() => document.querySelector('caveat-ui').shadowRoot.activeElement.getAttribute('aria-label'));
    assert.ok(focused.endsWith(order.at(-2)), focused);
    await page.keyboard.press('Enter');
    await page.waitForFunction(flashing, order.at(-2));
    // The scroll is smooth: it may still be under way when the flash is drawn.
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 3000 }).catch(() => assert.fail('the page did not scroll'));
    await page.close();
  });

  test('a category switch turns it off in every open tab; a mark hidden from its card can be shown again', async () => {
    await resetSettings();
    const page = await openMarked(env.context, env.server.url + FIXTURE, messages);
    const other = await openMarked(env.context, `${env.server.url}article/example.html`, messages);
    const bar = await openSidebar(page);
    await bar.locator('input[data-category="sourcing"]').uncheck();
    assert.equal(await page.evaluate(() => CSS.highlights.has('caveat-sourcing')), false);
    await other.waitForFunction(() => !CSS.highlights.has('caveat-sourcing'), null, { timeout: 3000 });
    assert.equal(await bar.locator('.cv-marklist button').filter({ hasText: 'officials said' }).count(), 0);
    await bar.locator('input[data-category="sourcing"]').check();
    await other.waitForFunction(() => CSS.highlights.has('caveat-sourcing'), null, { timeout: 3000 });

    // Hide a mark from its card (the sidebar stays open), then bring it back from the sidebar.
    const before = await page.evaluate(drawn);
    const point = await page.evaluate(() => {
      const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
      const r = live(CSS.highlights.get('caveat-hedging').values().next().value);
      const rect = r.getClientRects()[0];
      return { x: rect.left + 4, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await page.locator('caveat-ui .cv-card button', { hasText: 'Hide this mark' }).click();
    assert.equal((await page.evaluate(drawn)).hedging, before.hedging - 1);
    assert.match(await bar.locator('.hidden-line').textContent(), /1 mark hidden on this page/);
    await bar.locator('.hidden-line button', { hasText: 'Show them again' }).click();
    assert.deepEqual(await page.evaluate(drawn), before);
    await other.close();
    await page.close();
  });

  test('export copies a Markdown and a JSON report of the marks and summary', async () => {
    await resetSettings();
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    const page = await openMarked(env.context, env.server.url + FIXTURE, messages);
    const bar = await openSidebar(page);
    const order = await page.evaluate(readingOrder);
    const report = env.core.analyze(await page.evaluate(articleText));

    await bar.locator('button', { hasText: 'Copy JSON report' }).click();
    await page.waitForFunction(() => /JSON report copied/.test(document.querySelector('caveat-ui').shadowRoot.querySelector('.status').textContent));
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(json.url, env.server.url + FIXTURE);
    assert.equal(json.title, 'Harbour ferries face delays');
    assert.equal(json.words, report.summary.words);
    assert.deepEqual(json.marks.map((m) => m.text), order);
    assert.deepEqual(json.sources, { attributions: report.summary.sources.attributions, anonymous: report.summary.sources.anonymous, named: report.summary.sources.named });
    for (const c of CATEGORIES) assert.equal(json.categories[c].marks, json.marks.filter((m) => m.category === c).length);

    await bar.locator('button', { hasText: 'Copy Markdown report' }).click();
    await page.waitForFunction(() => /Markdown report copied/.test(document.querySelector('caveat-ui').shadowRoot.querySelector('.status').textContent));
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(md, /^# Caveat report: Harbour ferries face delays\n/);
    assert.match(md, /\| Hedging \| \d+ \| \d+\.\d \|/);
    assert.match(md, new RegExp(`${report.summary.sources.anonymous} of ${report.summary.sources.attributions} attributions anonymous`));
    assert.match(md, new RegExp(`## Marks \\(${order.length}\\)`));
    assert.match(md, /1\. \*\*Hedging\*\*, .*: “believed to”/);
    await page.close();
  });

  test('works by keyboard alone: Tab reaches every control, Space toggles, Escape closes and gives focus back', async () => {
    await resetSettings();
    const page = await openMarked(env.context, env.server.url + FIXTURE, messages);
    await page.focus('#marked-link');
    const bar = await openSidebar(page);
    const stops = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => {
        const el = document.querySelector('caveat-ui')?.shadowRoot?.activeElement;
        if (!el) return null;
        return el.getAttribute('aria-label') ?? el.dataset.category ?? el.textContent.trim().slice(0, 40);
      });
      if (!label || stops.includes(label)) break;
      stops.push(label);
    }
    for (const want of ['Close the Caveat sidebar', 'hedging', 'sourcing', 'translation', 'Copy Markdown report', 'Copy JSON report']) {
      assert.ok(stops.includes(want), `Tab never reaches "${want}": ${JSON.stringify(stops)}`);
    }
    assert.ok(stops.some((s) => s.startsWith('believed to')), 'Tab never reaches the mark list');
    assert.ok(stops.some((s) => s.startsWith('Hedging: ')), 'Tab never reaches the minimap');
    // Space on a category switch.
    await bar.locator('input[data-category="translation"]').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => CSS.highlights.has('caveat-translation')), false);
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => CSS.highlights.has('caveat-translation')), true);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.querySelector('caveat-ui')), null);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'marked-link', 'focus did not go back');
    // The command toggles it shut as well.
    await openSidebar(page);
    await command('toggle-sidebar');
    assert.equal(await page.evaluate(() => document.querySelector('caveat-ui')), null);
    await page.close();
  });

  test('axe finds no serious or critical problem, light and dark; screenshots', async () => {
    await resetSettings();
    for (const colorScheme of ['light', 'dark']) {
      const page = await openMarked(env.context, env.server.url + FIXTURE, messages);
      await page.emulateMedia({ colorScheme });
      await openSidebar(page);
      assert.deepEqual(await axeViolations(page, [['caveat-ui', '.cv-sidebar']]), [], colorScheme);
      await settle(page);
      await page.screenshot({ path: artifact(`ui-sidebar-${colorScheme}.png`) });
      await page.close();
    }
  });

  test('no console errors or warnings', () => {
    assert.deepEqual(messages, []);
  });
});
