// Which text the content script reads, in Chromium with the extension: marks
// across inline elements, across source line breaks, and never in hidden,
// editable or code text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

import { CHROMIUM, extensionDir, startServer, watchConsole } from './helpers.mjs';

let server;
let context;

before(async () => {
  server = await startServer();
  const ext = extensionDir('chromium');
  context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});

after(async () => {
  await context?.close();
  server?.stop();
});

test('marks follow the visible article text and nothing else', async () => {
  const page = await context.newPage();
  const messages = watchConsole(page);
  await page.goto(`${server.url}fixtures/collect.html`);
  await page.waitForFunction(() => CSS.highlights.has('caveat-hedging'), null, { timeout: 15_000 });
  const marks = await page.evaluate(() => {
    const out = [];
    const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
    for (const [name, h] of CSS.highlights) {
      for (const r of Array.from(h, live)) {
        const el = r.commonAncestorContainer.nodeType === 1 ? r.commonAncestorContainer : r.commonAncestorContainer.parentElement;
        out.push({ name, text: r.toString(), in: el.closest('[id]')?.id ?? '' });
      }
    }
    return out;
  });
  const texts = marks.map((m) => m.text);
  // A mark spanning <b> and <i> elements.
  assert.ok(texts.includes('the source said'), JSON.stringify(marks));
  assert.ok(texts.includes('allegedly'));
  // Source indentation and line breaks inside a paragraph do not split it.
  assert.ok(texts.includes('reportedly'));
  assert.ok(texts.some((t) => t.replace(/\s+/g, ' ') === 'a person familiar with the matter said'), JSON.stringify(texts));
  for (const skipped of ['css-hidden', 'aria-hidden', 'editable', 'closed-details']) {
    assert.deepEqual(marks.filter((m) => m.in === skipped), [], `text in #${skipped} was marked`);
  }
  assert.ok(!texts.some((t) => t.includes('maybe')), 'inline code was marked');
  // The editable area is untouched.
  assert.equal(await page.textContent('#editable'), 'Editable: the source said this is alleged.');
  assert.deepEqual(messages, []);
  await page.close();
});
