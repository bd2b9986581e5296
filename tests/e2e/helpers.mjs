// Shared helpers for the browser end-to-end tests: the test server, browsers with
// the built extension loaded, and small assertions about Caveat's marks.
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(E2E_DIR, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(E2E_DIR, 'artifacts');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const HAVE_SEED = fs.existsSync(path.join(SHARED, 'corpus', 'seed-article.txt'));
export const SEED_SKIP = HAVE_SEED ? false : '../shared/corpus/seed-article.txt is absent (research data beside the project): seed-article checks skipped';
export const CHROMIUM = process.env.CAVEAT_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.CAVEAT_FIREFOX ?? '/usr/bin/firefox-esr';
export const CATEGORIES = ['hedging', 'sourcing', 'translation'];

export function extensionDir(browser) {
  const dir = path.join(DIST, browser);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: run \`cargo xtask build\` first`);
  }
  return dir;
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Start `xtask serve --port 0` (`noShared`: as if ../shared were absent); resolves to { url, stop() }. */
export async function startServer({ noShared = false } = {}) {
  const bin =
    process.env.CAVEAT_XTASK ?? path.join(path.resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target'), 'debug', 'xtask');
  const serveArgs = ['serve', '--port', '0', ...(noShared ? ['--no-shared'] : [])];
  const [cmd, args] = fs.existsSync(bin)
    ? [bin, serveArgs]
    : ['cargo', ['run', '--quiet', '--package', 'xtask', '--', ...serveArgs]];
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the test server did not start within 60 s')), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the test server exited (${code})`)));
  });
  return {
    url,
    stop() {
      child.kill();
    },
  };
}

/** Collect console messages that come from Caveat (or any error) on a page. */
export function watchConsole(page, messages = []) {
  page.on('console', (msg) => {
    const type = msg.type();
    if (type === 'error' || type === 'warning' || type === 'warn') messages.push(`${type}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => messages.push(`pageerror: ${err.message}`));
  return messages;
}

/**
 * In the page: the number of ranges in each Caveat highlight, and whether every
 * range lies inside `insideSelector` (the article). The highlight registry is the
 * document's, so the page's world sees what the content script registered.
 */
export function highlightState(insideSelector = 'article') {
  const out = { counts: {}, outside: [], texts: {} };
  const inside = document.querySelector(insideSelector);
  // The layer registers StaticRanges: a live Range over the same span reads its text.
  const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
  for (const c of ['hedging', 'sourcing', 'translation']) {
    const h = CSS.highlights.get(`caveat-${c}`);
    out.counts[c] = h ? h.size : 0;
    out.texts[c] = [];
    if (!h) continue;
    for (const r of Array.from(h, live)) {
      out.texts[c].push(r.toString());
      if (inside && !inside.contains(r.commonAncestorContainer)) out.outside.push(r.toString());
    }
  }
  return out;
}

/** The learned models the build puts beside the Wasm (MODELS in extension/core/engine.js). */
export const MODELS = ['translation', 'tagger', 'gate'];

/**
 * The built Wasm core, in node, with its models installed as the extension installs
 * them: for expected reports, messages and rule names. `models: false`: a separate
 * instance of the core that never had a model (what a browser without the files runs);
 * a list of names: a separate instance with only those models.
 */
export async function nodeCore({ models = true } = {}) {
  const wasmDir = path.join(DIST, 'www', 'ext', 'wasm');
  const glue = pathToFileURL(path.join(wasmDir, 'caveat.js')).href;
  const names = models === true ? MODELS : models || [];
  // Each query string is a module instance of its own, with its own Wasm memory.
  const core = await import(models === true ? glue : `${glue}?models=${names.join('+')}`);
  core.initSync({ module: fs.readFileSync(path.join(wasmDir, 'caveat_bg.wasm')) });
  for (const name of names) core.loadModel(name, fs.readFileSync(path.join(wasmDir, `${name}.bin`)));
  return core;
}

/** The article pages every browser test visits: always the built-in example; the seed when ../shared is there. */
export const PAGES = [
  { name: 'example', path: 'article/example.html', skip: false },
  { name: 'seed', path: 'article/seed.html', skip: SEED_SKIP },
];

/**
 * Console errors and warnings on our fixture pages: they have no scripts of their
 * own, so every one would come from Caveat (including CSP reports it caused).
 */
export function caveatProblems(messages) {
  return messages.slice();
}

/**
 * In the page: the text under each range of the highlight `name`, in its order. The
 * layer registers StaticRanges, which have no text or boxes of their own: each is read
 * through a live Range over the same span (so do the other in-page helpers here).
 * `(${highlightedTexts})(name)` is the same as an expression, for waitForFunction.
 */
export function highlightedTexts(name) {
  const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
  return Array.from(CSS.highlights.get(name) ?? [], (r) => live(r).toString());
}

/**
 * In the page: the centre of the first box of the range of highlight `name` whose text
 * is `text` (scrolled to the middle of the view first when `scroll`), or null.
 */
export function highlightPoint({ name, text, scroll = false }) {
  const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
  const r = Array.from(CSS.highlights.get(name) ?? [], live).find((x) => x.toString() === text);
  if (!r) return null;
  if (scroll) r.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const b = r.getClientRects()[0];
  return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : null;
}

/** In the page: the centre of the first client rect of the first range of a category's highlight. */
export function firstMarkPoint(category) {
  const h = CSS.highlights.get(`caveat-${category}`);
  if (!h) return null;
  const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
  const [first] = h;
  const range = live(first);
  const rect = range.getClientRects()[0];
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() } : null;
}

/** In the page: the open card's text and mark id, or null. */
export function cardState() {
  const host = document.querySelector('caveat-ui');
  const card = host?.shadowRoot?.querySelector('.cv-card');
  if (!card || card.hidden) return null;
  const r = card.getBoundingClientRect();
  return {
    text: card.textContent,
    markId: card.dataset.markId,
    category: card.dataset.category,
    rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Let the page paint (two animation frames and a short pause) before a screenshot. */
export async function settle(page) {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150)))),
  );
}

// ---- Hostile pages (tests/e2e/hostile-*.test.mjs) ----

/** Chromium flags that keep the browser itself from making requests of its own. */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];

/**
 * Chromium (Debian's, headless) with the built extension loaded; `colorScheme`: 'light' | 'dark';
 * `extension`: another unpacked copy to load instead (a test's altered copy of dist/chromium).
 */
export async function launchChromiumWithExtension({ colorScheme = 'light', viewport = { width: 900, height: 700 }, extension } = {}) {
  const { chromium } = await import('playwright-core');
  const ext = extension ?? extensionDir('chromium');
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    colorScheme,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
}

/** The extension's service worker in a Chromium context, and the extension's id. */
export async function extensionWorker(context) {
  const [sw] = context.serviceWorkers();
  const worker = sw ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  return { worker, id: new URL(worker.url()).host };
}

/** Open `path` on the test server and wait until Caveat has drawn some marks. */
export async function openMarked(context, url, messages) {
  const page = await context.newPage();
  if (messages) watchConsole(page, messages);
  await page.goto(url);
  await page.waitForFunction(
    () => ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`)),
    null,
    { timeout: 15_000 },
  );
  return page;
}

/** In the page: the reading UI's shadow root (the one element Caveat adds), or null. */
export function uiRoot() {
  return document.querySelector('caveat-ui')?.shadowRoot ?? null;
}

/**
 * axe-core's serious and critical violations in `page` (Playwright or Puppeteer),
 * within `include` (axe context: e.g. [['caveat-ui', '.cv-card']] reaches into our
 * shadow root; null = the whole document). Returns [{ id, impact, help, targets }].
 */
export async function axeViolations(page, include = null) {
  const source = fs.readFileSync(path.join(E2E_DIR, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Evaluated as a script by the driver (not by the page), so a page's CSP cannot refuse it.
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(source);
  const results = await page.evaluate(
    async ({ include }) => {
      const context = include ? { include } : document;
      const r = await window.axe.run(context, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 5),
      }));
    },
    { include },
  );
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** In the page: bring the drawn mark whose text is `text` on screen if it is not. */
export function scrollMarkIntoView(text) {
  const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
  for (const c of ['hedging', 'sourcing', 'translation']) {
    for (const r of Array.from(CSS.highlights.get(`caveat-${c}`) ?? [], live)) {
      const { top, bottom } = r.getBoundingClientRect();
      if (r.toString() === text && (top < 0 || bottom > innerHeight)) r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    }
  }
}

/** In the page: the client rects of the drawn mark whose text is `text`, and the centre of its first box. */
export function markGeometry(text) {
  const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
  for (const c of ['hedging', 'sourcing', 'translation']) {
    for (const r of Array.from(CSS.highlights.get(`caveat-${c}`) ?? [], live)) {
      if (r.toString() !== text) continue;
      const rects = Array.from(r.getClientRects(), (x) => ({ top: x.top, bottom: x.bottom, left: x.left, right: x.right }));
      return { category: c, rects, x: (rects[0].left + rects[0].right) / 2, y: (rects[0].top + rects[0].bottom) / 2 };
    }
  }
  return null;
}

/** Whether two rects overlap. */
export const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Hooks for a test file that drives the built extension in Chromium: before all
 * tests, the test server, the browser, the extension's worker and id, the core
 * in Node; after them, cleanup. Returns the object the hooks fill in.
 */
export function useExtensionInChromium(options) {
  const env = { server: null, context: null, worker: null, id: null, core: null };
  before(async () => {
    env.core = await nodeCore();
    env.server = await startServer();
    env.context = await launchChromiumWithExtension(options);
    Object.assign(env, await extensionWorker(env.context));
  });
  after(async () => {
    await env.context?.close();
    env.server?.stop();
  });
  return env;
}

/**
 * Headless Firefox ESR (puppeteer-core over WebDriver BiDi) with the built extension as a
 * temporary add-on (`extension`: another unpacked copy instead). `args`, `prefs`: extra
 * command-line flags and preferences (kind-firefox.test.mjs opens the popup with them).
 */
export async function launchFirefoxWithExtension({ extension, args = [], prefs = {} } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 900, height: 700 },
    args,
    extraPrefsFirefox: prefs,
  });
  await browser.installExtension(extension ?? extensionDir('firefox'));
  return browser;
}

/**
 * Headless Firefox with the built extension, set up so that a test can script the
 * browser window itself (chrome scope): `--remote-allow-system-access`, and extension
 * pages in the parent process, where that script reaches their documents (WebDriver
 * BiDi neither navigates to nor scripts moz-extension:// pages). Returns the browser,
 * the extension's id, and `inBrowserWindow(fn, ...args)`, which runs `fn` there:
 * arguments and result cross as JSON.
 */
export async function launchFirefoxWithChromeAccess() {
  const browser = await launchFirefoxWithExtension({
    args: ['--remote-allow-system-access'],
    prefs: { 'extensions.webextensions.remote': false },
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir('firefox'), 'manifest.json'), 'utf8'));
  const { result: tree } = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeContext = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml').context;
  async function inBrowserWindow(fn, ...args) {
    const { result } = await browser.connection.send('script.callFunction', {
      functionDeclaration: fn.toString(),
      arguments: args.map((a) => ({ type: 'string', value: JSON.stringify(a) })),
      target: { context: chromeContext },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(`in the browser window: ${result.exceptionDetails.text}`);
    return result.result.type === 'string' ? JSON.parse(result.result.value) : undefined;
  }
  return { browser, extensionId: manifest.browser_specific_settings.gecko.id, inBrowserWindow };
}

/**
 * In a page or frame: whether Caveat has drawn a report there. The mark layer
 * registers its category highlights once a report is drawn, empty ones too, so this
 * also tells "analysed, nothing to mark" from "not run yet".
 */
export function caveatDone() {
  return ['hedging', 'sourcing', 'translation'].some((c) => CSS.highlights.has(`caveat-${c}`));
}

/**
 * In a page: every drawn mark ({ category, text, inside }) where `inside` lists the
 * given selectors whose element contains the mark. Selectors are matched in the
 * document and in every open shadow root; containment crosses shadow boundaries.
 */
export function markLocations(selectors) {
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const elements = selectors.map((sel) => [sel, roots.flatMap((r) => Array.from(r.querySelectorAll(sel)))]);
  const composedContains = (el, node) => {
    for (let n = node; n; n = n.parentNode ?? n.host) if (n === el) return true;
    return false;
  };
  const marks = [];
  const live = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x; };
  for (const category of ['hedging', 'sourcing', 'translation']) {
    const highlight = CSS.highlights.get(`caveat-${category}`);
    for (const range of Array.from(highlight ?? [], live)) {
      const node = range.commonAncestorContainer;
      const inside = elements.filter(([, els]) => els.some((el) => composedContains(el, node))).map(([sel]) => sel);
      marks.push({ category, text: range.toString(), inside });
    }
  }
  return marks;
}

/**
 * In a page with fixtures/hostile-probe.js: what the page's own script saw since
 * it finished loading (see the probe for each field).
 */
export function pageProbeState() {
  const p = window.pageProbe;
  if (!p) return null;
  const now = p.compute();
  const changed = Object.keys(p.results).filter((k) => p.results[k] !== now[k]);
  return {
    mutations: p.mutations.slice(),
    serialisationUnchanged: p.serialise() === p.snapshot,
    resultsChanged: changed,
    shifts: p.shifts.slice(),
    violations: p.violations.slice(),
  };
}

/**
 * Record every request a Playwright context makes (its pages, their frames, and
 * the extension's service worker) into `requests`: { url, type, worker }.
 */
export function recordRequests(context, requests = []) {
  context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType(), worker: !!r.serviceWorker() }));
  return requests;
}

/** The requests that go anywhere but `allowedOrigins` and `extensionOrigin`'s files. */
export function foreignRequests(requests, { allowedOrigins, extensionOrigin }) {
  return requests.filter(({ url }) => {
    if (/^(data|about|blob):/.test(url)) return false; // in-memory: no network
    if (extensionOrigin && url.startsWith(`${extensionOrigin}/`)) return false;
    try {
      return !allowedOrigins.includes(new URL(url).origin);
    } catch {
      return true;
    }
  });
}
