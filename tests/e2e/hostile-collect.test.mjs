// The collector's edge cases (page/collect.js), table-driven, in headless Chromium
// without the extension: each case's HTML becomes the body of a blank page and
// the text the content script would analyse is compared with what is expected
// (blocks are separated by a blank line, shown here as " | ").
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

import { CHROMIUM, QUIET_CHROMIUM_ARGS, startServer } from './helpers.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.goto(`${server.url}fixtures/hostile-frame-child.html`);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** In the page: the body becomes `html`; returns the collected text with blocks joined by " | ". */
async function collectFrom(html) {
  const { collectArticle } = await import('/ext/page/collect.js');
  document.designMode = 'off';
  document.body.replaceChildren(document.createRange().createContextualFragment(html));
  return (await collectArticle()).text.split('\n\n').join(' | ');
}

const CASES = [
  ['a display:contents wrapper is read through', '<div style="display: contents"><p>Story text.</p></div>', 'Story text.'],
  [
    "an article's own header is read; the page's banner is not",
    '<header>Site name</header><article><header><h1>Headline</h1></header><p>Body.</p></article>',
    'Headline | Body.',
  ],
  ['footers are never read', '<article><p>Body.</p><footer>Tags: alleged</footer></article>', 'Body.'],
  ['inline code inside a sentence leaves an ellipsis', '<p>Switch to <code>mold</code>, then relink.</p>', 'Switch to …, then relink.'],
  ['inline code opening a paragraph', '<p>One.</p><p><code>parse()</code> may fail.</p>', 'One. | … may fail.'],
  ['inline code then a space then a bold word', '<p><code>x</code> <b>is</b> slow.</p>', '… is slow.'],
  ['inline code ending a paragraph leaves nothing', '<p>Run <kbd>make</kbd></p><p>Next.</p>', 'Run  | Next.'],
  ['hidden inline code leaves nothing', '<p>Run <code hidden>x</code>now.</p>', 'Run now.'],
  ['a pre block is a gap between paragraphs', '<p>Before.</p><pre>the source said</pre><p>After.</p>', 'Before. | After.'],
  [
    'editable areas, fields and ARIA textboxes are not read',
    '<p>Read.</p><div contenteditable="true">Draft</div><textarea>T</textarea><div role="textbox">Box</div><p>Too.</p>',
    'Read. | Too.',
  ],
  ['words split by inline elements stay words', '<p>the <b>source</b> <i>said</i></p>', 'the source said'],
  [
    "a form's fields named like DOM properties do not steer the walk",
    '<p>Before.</p><form><input name="previousSibling"><input name="lastChild"><span>Form text</span></form><p>After.</p>',
    'Before. | After.',
  ],
];

for (const [name, html, expected] of CASES) {
  test(name, async () => {
    assert.equal(await page.evaluate(collectFrom, html), expected);
  });
}

test('a designMode document is not read at all', async () => {
  const text = await page.evaluate(async () => {
    const { collectArticle } = await import('/ext/page/collect.js');
    document.body.replaceChildren(document.createRange().createContextualFragment('<p>Editing: allegedly.</p>'));
    document.designMode = 'on';
    const out = (await collectArticle()).text;
    document.designMode = 'off';
    return out;
  });
  assert.equal(text, '');
});

test('a page nested 5,000 elements deep is read without exhausting the stack', async () => {
  const text = await page.evaluate(async () => {
    const { collectArticle } = await import('/ext/page/collect.js');
    let el = document.createElement('div');
    const top = el;
    for (let i = 0; i < 5_000; i++) el = el.appendChild(document.createElement('span'));
    el.textContent = 'Deep text.';
    document.body.replaceChildren(top);
    return (await collectArticle()).text;
  });
  assert.equal(text, 'Deep text.');
});
