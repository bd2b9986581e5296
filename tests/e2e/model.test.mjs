// The learned translation model in the browser, end to end: the engine fetches
// wasm/translation.bin beside the Wasm and installs it before the first analysis, in
// the content script and (under a strict CSP, Chromium) in the service worker. With
// it: the model's own marks (unusual phrasing) and a likelihood in the sidebar. With
// the file missing, or replaced by garbage or a truncated copy (altered copies of
// dist/<browser>): the rules still mark, the sidebar says the verdict is unavailable
// and shows no percentage, and nothing at all reaches the page's console (console
// API and the browser's own log entries, such as failed loads). Chromium
// (playwright-core) and Firefox ESR (puppeteer-core).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  artifact, caveatDone, DIST, E2E_DIR, extensionWorker, highlightState, launchChromiumWithExtension, launchFirefoxWithExtension, MODELS,
  nodeCore, settle, startServer, watchConsole,
} from './helpers.mjs';
import { contentWorld } from './pipeline-helpers.mjs';

const FIXTURE = 'fixtures/translated.html';
const UNAVAILABLE = 'Verdict unavailable: Caveat could not load its translation model.';

/** How the model files of an altered copy are broken. */
const BREAKAGES = {
  missing: null,
  garbage: () => Buffer.from('this is not a Caveat model\n'.repeat(200)),
  truncated: (real) => real.subarray(0, Math.floor(real.length / 2)),
};

const copies = [];

/**
 * A copy of dist/<browser> with every model file `how` (a key of BREAKAGES). A missing
 * file is what a build without the models makes: no file, and no manifest entry that
 * makes it web accessible (the content script fetches what the manifest lists).
 */
function alteredCopy(browser, how) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `caveat-${browser}-${how}-`));
  copies.push(dir);
  fs.cpSync(path.join(DIST, browser), dir, { recursive: true });
  for (const name of MODELS) {
    const file = path.join(dir, 'wasm', `${name}.bin`);
    if (BREAKAGES[how]) fs.writeFileSync(file, BREAKAGES[how](fs.readFileSync(file)));
    else fs.rmSync(file);
  }
  if (!BREAKAGES[how]) {
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const models = new Set(MODELS.map((name) => `wasm/${name}.bin`));
    for (const entry of manifest.web_accessible_resources) entry.resources = entry.resources.filter((r) => !models.has(r));
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  }
  return dir;
}

after(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

/** In the page: the article's text as the collector joins it (heading and paragraphs, a blank line apart). */
function articleText() {
  return Array.from(document.querySelectorAll('article h1, article p'), (e) => e.textContent.replace(/\s+/g, ' ').trim()).join('\n\n');
}

/** What a reader should see on FIXTURE with (`core` with models) or without the model. */
function expected(core, text) {
  const report = core.analyze(text);
  const counts = { hedging: 0, sourcing: 0, translation: 0 };
  for (const a of report.annotations) counts[a.category]++;
  const unusual = report.annotations.filter((a) => a.rule === 'translation/unnatural-phrase').map((a) => text.slice(a.start, a.end));
  return { report, counts, unusual };
}

let server;
let withModel;
let withoutModel;
let fixtureText;

before(async () => {
  withModel = await nodeCore();
  withoutModel = await nodeCore({ models: false });
  server = await startServer();
  const html = fs.readFileSync(path.join(E2E_DIR, 'fixtures', 'translated.html'), 'utf8');
  // The same text the page shows: heading and paragraphs (the fixture has no markup inside them).
  fixtureText = [...html.matchAll(/<(?:h1|p)>([^<]+)<\/(?:h1|p)>/g)].map((m) => m[1].replace(/\s+/g, ' ').trim()).join('\n\n');
});

after(() => server?.stop());

test('the fixture needs the model: its unusual phrasing and its likelihood come from it alone', () => {
  const a = expected(withModel, fixtureText);
  const b = expected(withoutModel, fixtureText);
  assert.ok(a.unusual.length >= 2, JSON.stringify(a.unusual));
  assert.deepEqual(b.unusual, []);
  assert.ok(a.report.summary.translation.available && a.report.summary.translation.likelihood > 0.5);
  assert.equal(b.report.summary.translation.available, false);
  assert.ok(b.counts.hedging > 0 && b.counts.sourcing > 0, 'the rules mark without the model');
});

test('the content script fetches the model files its manifest makes web accessible: every model, and nothing else', async () => {
  const engine = await import(path.join(DIST, 'www', 'ext', 'core', 'engine.js'));
  assert.deepEqual(engine.MODELS, MODELS);
  const boot = fs.readFileSync(path.join(DIST, 'chromium', 'content', 'boot.js'), 'utf8');
  assert.ok(boot.includes('getManifest().web_accessible_resources'), 'content/boot.js reads the list from the manifest');
  assert.ok(!boot.includes('sendMessage'), 'content/boot.js asks the background nothing (waking it would delay the marks)');
  for (const browser of ['chromium', 'firefox']) {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, browser, 'manifest.json'), 'utf8'));
    const resources = manifest.web_accessible_resources.flatMap((r) => r.resources);
    const listed = resources.filter((r) => /^wasm\/[a-z]+\.bin$/.test(r)).sort();
    assert.deepEqual(listed, MODELS.map((name) => `wasm/${name}.bin`).sort(), `${browser}: the manifest lists exactly the models`);
    for (const name of MODELS) {
      assert.ok(fs.existsSync(path.join(DIST, browser, 'wasm', `${name}.bin`)), `${browser}: wasm/${name}.bin is built`);
    }
  }
});

test('the core refuses a bad model file with the reason, and keeps marking without it', async () => {
  const core = await nodeCore({ models: false });
  const real = fs.readFileSync(path.join(DIST, 'www', 'ext', 'wasm', 'translation.bin'));
  for (const [how, make] of Object.entries(BREAKAGES)) {
    if (!make) continue;
    assert.throws(() => core.loadModel('translation', make(real)), /caveat: model "translation": /, how);
  }
  assert.throws(() => core.loadModel('no-such-model', real), /no model is called/);
  assert.equal(core.analyze(fixtureText).summary.translation.available, false);
});

/**
 * Chromium: every console message and browser log entry of `page` (console API
 * calls, uncaught errors, and what the browser itself logs: failed loads,
 * refused resources, CSP reports).
 */
async function recordEverything(context, page, messages) {
  watchConsole(page, messages);
  const cdp = await context.newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => messages.push(`log ${entry.level} (${entry.source}): ${entry.text} ${entry.url ?? ''}`));
  await cdp.send('Log.enable');
}

async function openInChromium(context, url, messages) {
  const page = await context.newPage();
  await recordEverything(context, page, messages);
  await page.goto(url);
  await page.waitForFunction(caveatDone, null, { timeout: 15_000 });
  return page;
}

async function sidebarText(page, worker) {
  await page.bringToFront();
  await worker.evaluate(() => globalThis.caveatBackground.routeCommand('toggle-sidebar'));
  const bar = page.locator('caveat-ui .cv-sidebar:not([hidden])');
  await bar.waitFor({ timeout: 5000 });
  return { bar, text: await bar.textContent(), meters: await bar.locator('[role="meter"]').count() };
}

describe('Chromium', () => {
  for (const variant of ['built', 'missing', 'garbage', 'truncated']) {
    const loaded = variant === 'built';
    for (const csp of ['', '?csp=strict']) {
      const where = csp ? 'the service worker (strict CSP)' : 'the content script';
      test(`${variant} model file, analysed in ${where}: ${loaded ? 'its marks and a likelihood' : 'the rules mark, the verdict is unavailable, nothing logged'}`, async () => {
        const extension = loaded ? undefined : alteredCopy('chromium', variant);
        const context = await launchChromiumWithExtension({ extension });
        const messages = [];
        try {
          const { worker } = await extensionWorker(context);
          const page = await openInChromium(context, `${server.url}${FIXTURE}${csp}`, messages);
          const text = await page.evaluate(articleText);
          assert.equal(text, fixtureText);
          const want = expected(loaded ? withModel : withoutModel, text);
          const state = await page.evaluate(highlightState);
          assert.deepEqual(state.counts, want.counts);
          for (const phrase of want.unusual) assert.ok(state.texts.translation.includes(phrase), `"${phrase}" is marked`);

          // Which context ran the core, and what it made of the model file.
          const status = csp
            ? await worker.evaluate(() => globalThis.caveatBackground.modelStatus())
            : await (await contentWorld(context, page)).evaluate('globalThis.caveatPage.modelStatus()');
          const every = (state) => Object.fromEntries(MODELS.map((name) => [name, state]));
          if (loaded) assert.deepEqual(status, every('loaded'));
          else if (variant === 'missing') assert.deepEqual(status, every('missing'));
          else for (const name of MODELS) assert.match(status[name], new RegExp(`^caveat: model "${name}": `));

          const { text: shown, meters } = await sidebarText(page, worker);
          if (!csp) {
            await page.evaluate(() => document.querySelector('caveat-ui').shadowRoot.activeElement?.blur());
            await settle(page);
            await page.screenshot({ path: artifact(`model-${variant}-sidebar.png`) });
          }
          const verdict = want.report.summary.translation;
          if (loaded) {
            assert.equal(meters, 1);
            assert.ok(shown.includes(`Likelihood of machine translation: ${Math.round(verdict.likelihood * 100)}%`), shown);
            for (const reason of verdict.reasons.slice(0, 3)) assert.ok(shown.includes(reason), `reason "${reason}" shown`);
            assert.ok(!shown.includes(UNAVAILABLE));
          } else {
            assert.equal(meters, 0, 'no gauge without the model');
            assert.ok(shown.includes(UNAVAILABLE), shown);
            assert.doesNotMatch(shown, /Likelihood of machine translation|\d+%/);
          }
          assert.deepEqual(messages, [], 'nothing in the console or the browser log');
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('Firefox', () => {
  for (const variant of ['built', 'missing', 'garbage']) {
    const loaded = variant === 'built';
    test(`${variant} model file: ${loaded ? 'its marks' : 'the rules mark without the model'}; nothing logged`, async () => {
      const extension = loaded ? undefined : alteredCopy('firefox', variant);
      const browser = await launchFirefoxWithExtension({ extension });
      const messages = [];
      try {
        for (const csp of ['', '?csp=strict']) {
          const page = await browser.newPage();
          watchConsole(page, messages);
          await page.goto(`${server.url}${FIXTURE}${csp}`);
          await page.waitForFunction(caveatDone, { timeout: 15_000 });
          const text = await page.evaluate(articleText);
          const want = expected(loaded ? withModel : withoutModel, text);
          const state = await page.evaluate(highlightState);
          assert.deepEqual(state.counts, want.counts, csp || 'as served');
          for (const phrase of want.unusual) assert.ok(state.texts.translation.includes(phrase), `"${phrase}" is marked`);
          await page.close();
        }
        assert.deepEqual(messages, [], 'no console output');
      } finally {
        await browser.close();
      }
    });
  }
});
