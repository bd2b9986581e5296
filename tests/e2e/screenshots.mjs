// Generates the README's screenshots of the reading experience into
// docs/screenshots/ (run by `cargo xtask screenshots`, after a build): the seed
// article marked, a card open, the sidebar in light and dark mode, the popup, the
// playground; and a machine round trip (/article/roundtrip.html) with the card of an
// unusual phrase and the sidebar's gauge, into tests/e2e/artifacts/ only (its text is
// research data: looked at, never committed). Without ../shared the built-in example
// stands in for the seed, and the round trip is left out.
import fs from 'node:fs';
import path from 'node:path';

import {
  extensionWorker, HAVE_SEED, launchChromiumWithExtension, markGeometry, nodeCore, openMarked, ROOT, scrollMarkIntoView, settle,
  SHARED, startServer,
} from './helpers.mjs';

const HAVE_ROUNDTRIP = fs.existsSync(path.join(SHARED, 'eval', 'translation', 'roundtrip_es', 'dev'));

/**
 * The round-trip article with the sidebar open (its gauge and reasons) and the card of
 * the first unusual phrase the translation model marks.
 */
async function roundTrip(context, worker, server, shoot) {
  const core = await nodeCore();
  const page = await openMarked(context, `${server.url}article/roundtrip.html`);
  const text = await page.evaluate(() =>
    Array.from(document.querySelectorAll('article h1, article p'), (e) => e.textContent.replace(/\s+/g, ' ').trim()).join('\n\n'),
  );
  const mark = core.analyze(text).annotations.find((a) => a.rule === 'translation/unnatural-phrase');
  await page.bringToFront();
  await worker.evaluate(() => globalThis.caveatBackground.routeCommand('toggle-sidebar'));
  await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-sidebar:not([hidden])'));
  await page.evaluate(() => document.querySelector('caveat-ui').shadowRoot.activeElement?.blur());
  if (mark) {
    const phrase = text.slice(mark.start, mark.end);
    await page.evaluate(scrollMarkIntoView, phrase);
    const g = await page.evaluate(markGeometry, phrase);
    await page.evaluate((y) => window.scrollBy(0, y - 120), g.y);
    const at = await page.evaluate(markGeometry, phrase);
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])'));
  }
  await shoot(page, 'roundtrip', {}, ARTIFACTS);
  await page.close();
}

const OUT = path.join(ROOT, 'docs', 'screenshots');
const ARTIFACTS = path.join(ROOT, 'tests', 'e2e', 'artifacts');
const VIEWPORT = { width: 1100, height: 760 };

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const article = `${server.url}article/${HAVE_SEED ? 'seed' : 'example'}.html`;
  if (!HAVE_SEED) console.warn('../shared is absent: the screenshots show the built-in example instead of the seed article');
  const shots = [];
  const shoot = async (page, name, opts = {}, dir = OUT) => {
    await settle(page);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await page.screenshot({ path: file, ...opts });
    shots.push(path.relative(ROOT, file));
  };
  for (const colorScheme of ['light', 'dark']) {
    const context = await launchChromiumWithExtension({ colorScheme, viewport: VIEWPORT });
    try {
      const { worker, id } = await extensionWorker(context);
      const page = await openMarked(context, article);
      if (colorScheme === 'light') {
        await shoot(page, 'article-marked');
        // A card: the first anonymous source in view, hovered.
        const text = await page.evaluate(() => [...CSS.highlights.get('caveat-sourcing')][1]?.toString() ?? [...CSS.highlights.get('caveat-sourcing')][0].toString());
        await page.evaluate(scrollMarkIntoView, text);
        const g = await page.evaluate(markGeometry, text);
        await page.evaluate((y) => window.scrollBy(0, y - 180), g.y);
        const at = await page.evaluate(markGeometry, text);
        await page.mouse.move(at.x, at.y);
        await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])'));
        await shoot(page, 'card');
        await page.mouse.move(2, VIEWPORT.height - 2);
        await page.waitForFunction(() => !document.querySelector('caveat-ui'));
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      await page.bringToFront();
      await worker.evaluate(() => globalThis.caveatBackground.routeCommand('toggle-sidebar'));
      await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-sidebar:not([hidden])'));
      // The screenshot shows the panel at rest, not the focus ring of its heading.
      await page.evaluate(() => document.querySelector('caveat-ui').shadowRoot.activeElement?.blur());
      await shoot(page, `sidebar-${colorScheme}`);

      if (colorScheme === 'light') {
        const popup = await context.newPage();
        await popup.setViewportSize({ width: 300, height: 330 });
        await page.bringToFront();
        await popup.goto(`chrome-extension://${id}/popup/popup.html`);
        await popup.waitForFunction(() => /marks on this page/.test(document.getElementById('page-status').textContent));
        await shoot(popup, 'popup');

        const playground = await context.newPage();
        await playground.setViewportSize({ width: 1400, height: 860 });
        await playground.goto(server.url);
        await playground.waitForFunction(() => document.documentElement.dataset.caveatReady);
        await shoot(playground, 'playground');

        if (HAVE_ROUNDTRIP) await roundTrip(context, worker, server, shoot);
        else console.warn('../shared is absent: no round-trip screenshot');
      }
    } finally {
      await context.close();
    }
  }
  server.stop();
  for (const s of shots) console.log(`wrote ${s}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
