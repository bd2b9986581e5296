// Generates the README's screenshots of the reading experience into
// docs/screenshots/ (run by `cargo xtask screenshots`, after a build): the seed
// article marked, a card open, the sidebar in light and dark mode, the popup, and
// the playground. Without ../shared the built-in example stands in for the seed.
import fs from 'node:fs';
import path from 'node:path';

import {
  extensionWorker, HAVE_SEED, launchChromiumWithExtension, markGeometry, openMarked, ROOT, scrollMarkIntoView, settle,
  startServer,
} from './helpers.mjs';

const OUT = path.join(ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1100, height: 760 };

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const article = `${server.url}article/${HAVE_SEED ? 'seed' : 'example'}.html`;
  if (!HAVE_SEED) console.warn('../shared is absent: the screenshots show the built-in example instead of the seed article');
  const shots = [];
  const shoot = async (page, name, opts = {}) => {
    await settle(page);
    const file = path.join(OUT, `${name}.png`);
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
