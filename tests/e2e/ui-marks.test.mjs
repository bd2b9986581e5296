// The marks' look and placement: one style per category that differs by more
// than colour, colours readable on light and dark pages and apart under common
// colour-vision deficiencies (checked numerically, in Node), and marks that stay
// on their words when the page reflows (resize, font size) in Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { CATEGORIES, MARK_COLORS } from '../../extension/core/categories.js';
import { MARK_CSS } from '../../extension/page/styles.js';
import {
  artifact, launchChromiumWithExtension, openMarked, settle, startServer,
} from './helpers.mjs';

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
const linear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (rgb) => rgb.map(linear).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
// Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB.
const CVD = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
function lab(linearRgb) {
  const [r, g, b] = linearRgb.map((c) => Math.min(1, Math.max(0, c)));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const simulate = (matrix, rgb) => {
  const l = rgb.map(linear);
  return matrix.map((row) => row.reduce((s, m, i) => s + m * l[i], 0));
};

describe('mark styles', () => {
  test('each category has its own line style, not only its own colour', () => {
    const styles = CATEGORIES.map((c) => {
      const block = MARK_CSS.match(new RegExp(`::highlight\\(caveat-${c}\\)\\s*\\{([^}]*)\\}`))[1];
      return block.match(/text-decoration:\s*underline\s+(\w+)/)[1];
    });
    assert.deepEqual(styles, ['dotted', 'solid', 'wavy', 'double']);
    assert.ok(!/prefers-color-scheme/.test(MARK_CSS), 'a page\'s background does not follow the browser\'s scheme');
  });

  for (const c of CATEGORIES) {
    test(`${c}: the line colour stands out on white and on dark pages (4:1 on white and near-black, 3:1 on dark greys)`, () => {
      for (const [bg, min] of [['#ffffff', 4], ['#121212', 4], ['#1e1e1e', 3], ['#2b2b2b', 3]]) {
        const ratio = contrast(hex(MARK_COLORS[c]), hex(bg));
        assert.ok(ratio >= min, `${MARK_COLORS[c]} on ${bg}: ${ratio.toFixed(2)}`);
      }
    });
  }

  for (const [name, matrix] of Object.entries(CVD)) {
    test(`under ${name} the four colours stay apart (CIE76 ΔE ≥ 15)`, () => {
      const labs = CATEGORIES.map((c) => lab(simulate(matrix, hex(MARK_COLORS[c]))));
      for (let i = 0; i < labs.length; i++) {
        for (let j = i + 1; j < labs.length; j++) {
          const d = Math.hypot(...labs[i].map((v, k) => v - labs[j][k]));
          assert.ok(d >= 15, `${CATEGORIES[i]} vs ${CATEGORIES[j]}: ΔE ${d.toFixed(1)}`);
        }
      }
    });
  }
});

describe('marks on the page', () => {
  let server;
  let context;
  before(async () => {
    server = await startServer();
    context = await launchChromiumWithExtension();
  });
  after(async () => {
    await context?.close();
    server?.stop();
  });

  /** In the page: for every drawn range, whether the text under the centre of each of its boxes is inside it. */
  function marksOnTheirWords() {
    const out = { checked: 0, off: [] };
    // The layer registers StaticRanges: a live Range over the same span has the boxes.
    const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
    for (const c of ['hedging', 'sourcing', 'translation']) {
      for (const r of Array.from(CSS.highlights.get(`caveat-${c}`) ?? [], live)) {
        for (const box of r.getClientRects()) {
          if (box.width < 4 || box.bottom < 0 || box.top > innerHeight) continue;
          const caret = document.caretRangeFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          out.checked++;
          if (!caret || !r.isPointInRange(caret.startContainer, caret.startOffset)) out.off.push(r.toString());
        }
      }
    }
    return out;
  }

  test('marks stay on their words when the window is resized and the font grows', async () => {
    const page = await openMarked(context, `${server.url}article/example.html`);
    const before = await page.evaluate(marksOnTheirWords);
    assert.ok(before.checked > 3);
    assert.deepEqual(before.off, []);
    const lines = () =>
      page.evaluate(() => {
        const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
        return live(CSS.highlights.get('caveat-sourcing').values().next().value).getClientRects()[0].top;
      });
    const top0 = await lines();
    await page.setViewportSize({ width: 420, height: 700 });
    await settle(page);
    const narrow = await page.evaluate(marksOnTheirWords);
    assert.ok(narrow.checked > 3);
    assert.deepEqual(narrow.off, [], 'after a resize');
    assert.notEqual(await lines(), top0, 'the page did not reflow');
    await page.evaluate(() => {
      document.body.style.fontSize = '26px';
    });
    await settle(page);
    assert.deepEqual((await page.evaluate(marksOnTheirWords)).off, [], 'after the font grew');
    await page.setViewportSize({ width: 900, height: 700 });
    await page.close();
  });

  test('screenshots of marks on a light and a dark page', async () => {
    const page = await openMarked(context, `${server.url}article/example.html`);
    await settle(page);
    await page.screenshot({ path: artifact('ui-marks-light-page.png') });
    await page.addStyleTag({ content: 'body { background: #121212 !important; color: #e8e8e8 !important; } header.site, footer { color: #aaa; }' });
    await settle(page);
    await page.screenshot({ path: artifact('ui-marks-dark-page.png') });
    await page.close();
  });
});
