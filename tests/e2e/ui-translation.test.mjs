// The translation model's marks and verdict in the reading UI, headless Chromium with
// the built extension: on a machine round trip (/article/roundtrip.html, from
// ../shared), the seed article and a hand-made literal translation (always), the
// model's unusual-phrasing marks are drawn, their card names the kind of slip, and
// the sidebar gauge gives the core's likelihood and its reasons. Screenshots of each
// go to tests/e2e/artifacts/ (looked at by hand when the UI changes).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import {
  artifact, axeViolations, cardState, highlightedTexts, markGeometry, openMarked, scrollMarkIntoView, SEED_SKIP, settle, SHARED,
  useExtensionInChromium,
} from './helpers.mjs';

const env = useExtensionInChromium({ viewport: { width: 1100, height: 760 } });
const messages = [];
const command = (name) => env.worker.evaluate((n) => globalThis.caveatBackground.routeCommand(n), name);
const ROUNDTRIP_DIR = path.join(SHARED, 'eval', 'translation', 'roundtrip_es', 'dev');
const ROUNDTRIP_SKIP = fs.existsSync(ROUNDTRIP_DIR) ? false : '../shared is absent: the round-trip page is not served';

const PAGES = [
  { name: 'translated', path: 'fixtures/translated.html', skip: false, unusual: true },
  { name: 'roundtrip', path: 'article/roundtrip.html', skip: ROUNDTRIP_SKIP, unusual: true },
  // Human-edited machine translation: the rules' slips, none of the model's phrase pairs.
  { name: 'seed', path: 'article/seed.html', skip: SEED_SKIP, unusual: false },
];

/** In the page: the article's text as the collector joins it (heading and paragraphs, a blank line apart). */
function articleText() {
  return Array.from(document.querySelectorAll('article h1, article p'), (e) => e.textContent.replace(/\s+/g, ' ').trim()).join('\n\n');
}

describe('translation in the reading UI', () => {
  for (const { name, path: url, skip, unusual: model } of PAGES) {
    const what = model ? 'unusual-phrasing marks, their card' : 'translation marks, a card';
    test(`${name}: ${what}, and the gauge with the model's reasons`, { skip }, async () => {
      await env.worker.evaluate(() => chrome.storage.sync.clear());
      const rules = new Map(env.core.rules().map((r) => [r.id, r]));
      const page = await openMarked(env.context, env.server.url + url, messages);
      const text = await page.evaluate(articleText);
      const report = env.core.analyze(text);
      assert.equal(report.summary.language, 'en');
      const unusual = report.annotations.filter((a) => a.rule === 'translation/unnatural-phrase');
      assert.equal(unusual.length > 0, model, `${unusual.length} unusual phrases`);
      const translation = report.annotations.filter((a) => a.category === 'translation');
      const drawn = await page.evaluate(highlightedTexts, 'caveat-translation');
      assert.equal(drawn.length, translation.length);
      for (const a of translation) assert.ok(drawn.includes(text.slice(a.start, a.end)), `"${text.slice(a.start, a.end)}" is drawn`);
      await settle(page);
      await page.screenshot({ path: artifact(`translation-${name}-marks.png`) });

      // The card of the first unusual phrase (else the first translation mark with a
      // detail) names the rule and the kind of slip.
      const mark = unusual[0] ?? translation.find((a) => a.detail);
      const phrase = text.slice(mark.start, mark.end);
      await page.evaluate(scrollMarkIntoView, phrase);
      const g = await page.evaluate(markGeometry, phrase);
      await page.evaluate((y) => window.scrollBy(0, y - 120), g.y);
      const at = await page.evaluate(markGeometry, phrase);
      await page.mouse.move(at.x, at.y);
      await page.waitForFunction((t) => {
        const card = document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])');
        return card?.querySelector('.phrase')?.textContent === `“${t}”`;
      }, phrase, { timeout: 5000 });
      const card = await page.evaluate(cardState);
      const rule = rules.get(mark.rule);
      for (const part of ['Translation', rule.name, rule.message, mark.detail, `“${phrase}”`]) {
        assert.ok(card.text.includes(part), `card lacks "${part}": ${card.text}`);
      }
      await settle(page);
      await page.screenshot({ path: artifact(`translation-${name}-card.png`) });
      assert.deepEqual(await axeViolations(page, [['caveat-ui', '.cv-card']]), []);
      await page.mouse.move(2, 700);
      await page.waitForFunction(() => !document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])'));

      // The gauge: the core's likelihood, and its reasons (the model's among them).
      await page.bringToFront();
      await command('toggle-sidebar');
      const bar = page.locator('caveat-ui .cv-sidebar:not([hidden])');
      await bar.waitFor({ timeout: 5000 });
      const verdict = report.summary.translation;
      assert.equal(verdict.available, true);
      const pct = Math.round(verdict.likelihood * 100);
      assert.equal(await bar.locator('[role="meter"]').getAttribute('aria-valuenow'), String(pct));
      assert.ok((await bar.textContent()).includes(`Likelihood of machine translation: ${pct}%`));
      const reasons = await bar.locator('ul.reasons li').allTextContents();
      assert.deepEqual(reasons, verdict.reasons.slice(0, 3));
      if (model) assert.ok(reasons.some((r) => /^unusual phrasing in \d+ of \d+ sentences$/.test(r)), JSON.stringify(reasons));
      await page.evaluate(() => document.querySelector('caveat-ui').shadowRoot.activeElement?.blur());
      await settle(page);
      await page.screenshot({ path: artifact(`translation-${name}-sidebar.png`) });
      await page.close();
    });
  }

  test('no console output', () => {
    assert.deepEqual(messages, []);
  });
});
