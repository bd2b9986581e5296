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
  extensionWorker, HAVE_SEED, highlightedTexts, launchChromiumWithExtension, markGeometry, nodeCore, openMarked, ROOT,
  scrollMarkIntoView, settle, SHARED, startServer,
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

/**
 * The reader's watch-list: the settings page's editor (with a refused pattern's
 * message) and the card of a watch-list mark on the article.
 */
async function watchList(context, worker, id, article, shoot) {
  const watchlist = [
    { pattern: 'officials said', note: 'who, exactly?' },
    { pattern: '/\\b(said|says|told)\\b/', note: 'attribution verbs: who is speaking?' },
    { pattern: 'common-sense reform', note: 'campaign talking point' },
  ];
  await worker.evaluate((list) => chrome.storage.sync.set({ watchlist: list }), watchlist);
  const options = await context.newPage();
  await options.setViewportSize({ width: 760, height: 900 });
  await options.goto(`chrome-extension://${id}/options/options.html`);
  await options.waitForSelector('html[data-ready="true"]');
  await options.fill('.wl-add input[name="pattern"]', '/deep (state/');
  await options.fill('.wl-add input[name="note"]', 'loaded term');
  await options.click('.wl-add button[type="submit"]');
  await options.waitForSelector('.wl-add .wl-error:not([hidden])');
  await options.locator('#watchlist').scrollIntoViewIfNeeded();
  await settle(options);
  await options.locator('#watchlist').screenshot({ path: path.join(OUT, 'watchlist-settings.png') });
  await options.close();
  const page = await openMarked(context, article);
  await page.waitForFunction(() => (CSS.highlights.get('caveat-watchlist')?.size ?? 0) > 0);
  const at = await page.evaluate(() => {
    const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
    const r = live([...CSS.highlights.get('caveat-watchlist')][1] ?? [...CSS.highlights.get('caveat-watchlist')][0]);
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    window.scrollBy(0, -150);
    const b = r.getClientRects()[0];
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => document.querySelector('caveat-ui')?.shadowRoot?.querySelector('.cv-card:not([hidden])[data-category="watchlist"]'));
  await shoot(page, 'watchlist-card');
  await page.close();
  await worker.evaluate(() => chrome.storage.sync.remove('watchlist'));
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
        const texts = await page.evaluate(highlightedTexts, 'caveat-sourcing');
        const text = texts[1] ?? texts[0];
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

        await watchList(context, worker, id, article, shoot);

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
