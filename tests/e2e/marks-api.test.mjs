// The page-layer API (extension/page/marks.js) that the UI builds on, exercised
// in Chromium on a plain page with the real Wasm engine (no extension needed).
/* global t -- the test state set up in the page by before() */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

import { CHROMIUM, startServer, watchConsole } from './helpers.mjs';

let server;
let browser;
let page;
let messages;

before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  messages = watchConsole(page);
  await page.goto(`${server.url}fixtures/marks-api.html`);
  // Set up a layer over the article with the same modules the extension uses.
  await page.evaluate(async () => {
    const { createEngine, localBackend } = await import('/ext/core/engine.js');
    const { collectText } = await import('/ext/page/collect.js');
    const { createMarkLayer } = await import('/ext/page/marks.js');
    const engine = createEngine(localBackend());
    const textMap = collectText(document.getElementById('text'));
    const layer = createMarkLayer({ doc: document });
    const events = [];
    layer.onChange((e) => events.push(e.reason));
    layer.setReport(await engine.analyze(textMap.text), textMap);
    window.t = { engine, layer, textMap, events };
  });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('marks() lists every annotation with its text, in order, and setReport fires onChange', async () => {
  const r = await page.evaluate(() => ({
    marks: t.layer.marks().map((m) => ({ category: m.category, text: m.text, hasMessage: !!m.message })),
    events: t.events.slice(),
  }));
  const texts = r.marks.map((m) => m.text);
  assert.ok(texts.includes('allegedly') && texts.includes('the source said') && texts.includes('may'), JSON.stringify(texts));
  assert.ok(r.marks.every((m) => m.hasMessage));
  assert.ok(new Set(r.marks.map((m) => m.category)).size === 3, JSON.stringify(r.marks));
  assert.deepEqual(r.events, ['report']);
});

test("marks are drawn as StaticRanges, which the page's DOM changes never update, and measured on demand", async () => {
  const r = await page.evaluate(() => {
    const mark = t.layer.marks().find((m) => m.category === 'sourcing');
    const live = t.layer.liveRange(mark.id);
    return {
      // A live Range per mark would be updated by the browser on every change to the page's DOM.
      registered: Array.from(CSS.highlights.values()).flatMap((h) => Array.from(h)).map((x) => x.constructor.name),
      markRange: mark.range.constructor.name,
      liveText: live?.toString(),
      text: mark.text,
      rects: t.layer.rectsOf(mark.id).length,
      touches: t.layer.intersectsNode(mark.id, mark.range.startContainer),
      elsewhere: t.layer.intersectsNode(mark.id, document.body.appendChild(document.createElement('div'))),
    };
  });
  assert.ok(r.registered.length > 0 && r.registered.every((name) => name === 'StaticRange'), JSON.stringify(r.registered));
  assert.equal(r.markRange, 'StaticRange');
  assert.equal(r.liveText, r.text);
  assert.ok(r.rects > 0);
  assert.deepEqual([r.touches, r.elsewhere], [true, false]);
});

test('marksOn(node) finds the marks touching a node through its text, as measuring each mark would', async () => {
  const r = await page.evaluate(() => {
    const article = document.getElementById('text');
    const empty = article.appendChild(document.createElement('span'));
    const nodes = [article, ...article.querySelectorAll('*'), ...t.textMap.segments.map((s) => s.node), empty];
    const ids = (marks) => marks.map((m) => m.id).join(' ');
    const rows = nodes.map((node) => ({
      node: node.nodeType === 3 ? `"${node.data.slice(0, 20)}"` : node.tagName,
      byText: ids(t.layer.marksOn(node)),
      // The oracle: every mark measured against the node.
      measured: ids(t.layer.visibleMarks().filter((m) => t.layer.intersectsNode(m.id, node))),
    }));
    empty.remove();
    return rows;
  });
  for (const row of r) assert.equal(row.byText, row.measured, row.node);
  assert.ok(r.some((row) => row.byText.split(' ').length >= 2), 'a node holding several marks');
  assert.equal(r.at(-1).byText, '', 'an element without text touches no mark');
});

test('toggling a category and hiding a mark redraw without re-analysing', async () => {
  const r = await page.evaluate(() => {
    const before = t.engine.analyses;
    const sizes = () => ({
      hedging: CSS.highlights.get('caveat-hedging')?.size ?? 0,
      sourcing: CSS.highlights.get('caveat-sourcing')?.size ?? 0,
    });
    const start = sizes();
    t.layer.setCategoryEnabled('hedging', false);
    const off = { has: CSS.highlights.has('caveat-hedging'), visible: t.layer.visibleMarks().some((m) => m.category === 'hedging') };
    t.layer.setCategoryEnabled('hedging', true);
    const back = sizes();
    const id = t.layer.marks().find((m) => m.category === 'sourcing').id;
    t.layer.hideMark(id);
    const hidden = sizes();
    t.layer.showMark(id);
    return { start, off, back, hidden, shown: sizes(), analyses: t.engine.analyses - before, events: t.events.slice(1) };
  });
  assert.equal(r.off.has, false);
  assert.equal(r.off.visible, false);
  assert.deepEqual(r.back, r.start);
  assert.equal(r.hidden.sourcing, r.start.sourcing - 1);
  assert.deepEqual(r.shown, r.start);
  assert.equal(r.analyses, 0, 'a toggle re-analysed the text');
  assert.deepEqual(r.events, ['category', 'category', 'hide', 'show']);
  // Analysing the same text again comes from the cache.
  const again = await page.evaluate(async () => {
    await t.engine.analyze(t.textMap.text);
    return t.engine.analyses;
  });
  assert.equal(again, 1);
});

test('markAt finds the mark under a point via its rects; rectsOf, flash and scrollToMark work', async () => {
  const r = await page.evaluate(() => {
    const m = t.layer.marks().find((x) => x.text === 'allegedly');
    const [rect] = t.layer.rectsOf(m.id);
    const hit = t.layer.markAt(rect.left + rect.width / 2, rect.top + rect.height / 2);
    const miss = t.layer.markAt(rect.left - 30, rect.top + rect.height / 2);
    t.layer.flash(m.id, 50);
    const flashing = CSS.highlights.has('caveat-flash');
    return { id: m.id, hit: hit?.id, miss: miss?.text ?? null, flashing, scrolled: t.layer.scrollToMark(m.id) };
  });
  assert.equal(r.hit, r.id);
  assert.equal(r.miss, null);
  assert.ok(r.flashing);
  assert.ok(r.scrolled);
  await page.waitForFunction(() => !CSS.highlights.has('caveat-flash'), null, { timeout: 2000 });
});

test('hit-testing a point over no text measures only the registered marks (on a long page, those near the viewport)', async () => {
  const r = await page.evaluate(async () => {
    const { collectText } = await import('/ext/page/collect.js');
    const { createMarkLayer } = await import('/ext/page/marks.js');
    // A long text, one mark per paragraph, and an empty box over the page where the pointer rests.
    const root = document.createElement('section');
    for (let i = 0; i < 3000; i++) root.append(Object.assign(document.createElement('p'), { textContent: `Paragraph ${i} may be long.` }));
    const box = Object.assign(document.createElement('div'), { style: 'position:fixed;top:0;left:0;width:120px;height:40px;z-index:9' });
    document.body.append(root, box);
    const textMap = collectText(root);
    const annotations = [];
    for (let at = textMap.text.indexOf('may'); at >= 0; at = textMap.text.indexOf('may', at + 1)) {
      annotations.push({ category: 'hedging', rule: 'hedging/modal', start: at, end: at + 3, message: 'm', strength: 'weak' });
    }
    const layer = createMarkLayer({ doc: document });
    layer.setReport({ annotations, attributions: [], summary: {} }, textMap);
    const registered = [...CSS.highlights].filter(([name]) => name.startsWith('caveat-')).reduce((n, [, h]) => n + h.size, 0);
    let measured = 0;
    const own = Range.prototype.getClientRects;
    Range.prototype.getClientRects = function count() {
      measured++;
      return own.call(this);
    };
    const hit = layer.markAt(60, 20);
    Range.prototype.getClientRects = own;
    const overBox = document.caretPositionFromPoint(60, 20)?.offsetNode === box;
    layer.destroy();
    root.remove();
    box.remove();
    return { marks: annotations.length, registered, measured, hit, overBox };
  });
  assert.ok(r.overBox, 'the point is not over the empty box');
  assert.equal(r.hit, null);
  assert.ok(r.registered > 0 && r.registered < r.marks, `${r.registered} of ${r.marks} registered`);
  assert.ok(r.measured <= r.registered, `${r.measured} marks measured for one point (${r.registered} registered)`);
});

test('clear() removes every highlight', async () => {
  const r = await page.evaluate(() => {
    t.layer.clear();
    return { size: [...CSS.highlights.keys()].filter((k) => k.startsWith('caveat-')).length, marks: t.layer.marks().length };
  });
  assert.deepEqual(r, { size: 0, marks: 0 });
  assert.deepEqual(messages, []);
});
