// The browser benchmark of the page budgets, in headless Chromium (`cargo xtask bench --browser`,
// or `node bench/browser/run.mjs [path/to/shared] [--reps N] [--profile DIR]`).
//
// Measures, and prints as markdown tables on stdout (progress goes to stderr):
// - the Wasm core's fetch, compile and instantiate time on a plain page;
// - `analyze` in Wasm on the seed article (8 KB), ~100 KB and ~1 MB of native news text
//   (PolNeAR test articles from ../shared, assembled here exactly as benches/corpus.rs
//   does; never written into the project), first call and warm median, against the
//   native criterion figures in target/criterion when `cargo bench --bench analyze` ran;
// - with the built extension (dist/chromium) loaded: content-script start → highlights
//   registered, on the seed article page and on pages with ~1 MB and ~5 MB of text; the
//   longest main-thread task meanwhile (from a trace, and PerformanceObserver 'longtask'),
//   and the Wasm memory after each page and after the page drops its large article.
// `--only load,analyze,seed-8KB,…` runs only those parts (while working on one);
// `seed-8KB+watchlist` and `news-1MB+watchlist` are those pages with a reader's
// watch-list in the settings (its own Wasm module loaded and run), `seed-8KB+phrases`
// with its phrases alone (the small module without the regex crate).
// `--profile DIR` also writes a Chromium CPU profile (.cpuprofile) of each extension page
// load to DIR and prints its heaviest functions; `--trace DIR` writes the first run's
// Chromium trace of each extension page (open it in chrome://tracing or Perfetto).
//
// Every figure is a median over `--reps` fresh browsers/pages (default 5). Without
// ../shared only the Wasm load and the built-in example page are measured.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { longestTasks, summarizeProfile, taskContents } from './trace.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const TARGET = path.resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');
const DIST = path.join(ROOT, 'dist');
const CHROMIUM = process.env.CAVEAT_CHROMIUM ?? '/usr/bin/chromium';
const TASK_BUDGET_MS = 50;
// Time to first marks, from the content script's start: the seed page's marks, and a
// 1 MB page's last marks (a reader should see marks about as soon as the page).
const SEED_BUDGET_MS = 60;
const ONE_MB_BUDGET_MS = 250;
const WASM_RATIO_BUDGET = 2;
const WASM_NOTE =
  '\nThe Wasm and the native core run the same detectors (tests/e2e/engine.test.mjs checks they give the same report). ' +
  '"Warm" is the median of repeated calls in one page after a second of calls (criterion warms the native code up too); the first call also compiles the functions it runs.';

// ------------------------------------------------------------------ options

function parseArgs(argv) {
  const o = { shared: path.resolve(ROOT, '..', 'shared'), reps: 5, profile: null, trace: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reps') o.reps = Math.max(1, Number(argv[++i]) || 5);
    else if (a === '--profile') o.profile = path.resolve(argv[++i] ?? 'profiles');
    else if (a === '--trace') o.trace = path.resolve(argv[++i] ?? 'traces');
    else if (a === '--only') o.only = new Set((argv[++i] ?? '').split(','));
    else if (a.startsWith('--')) throw new Error(`unknown option ${a} (--reps N, --profile DIR, --trace DIR, --only load,analyze,<page>)`);
    else o.shared = path.resolve(a);
  }
  return o;
}

const log = (...a) => console.error('bench/browser:', ...a);

function loadPlaywright() {
  for (const dir of [path.join(ROOT, 'bench'), path.join(ROOT, 'tests', 'e2e')]) {
    try {
      return createRequire(path.join(dir, 'package.json'))('playwright-core');
    } catch {
      // try the next one
    }
  }
  throw new Error('playwright-core is not installed: run `npm ci` in bench/ (cargo xtask bench --browser does)');
}

// ------------------------------------------------------------------ texts

/** The same text as benches/corpus.rs `news_text`: articles in name order, cut at a paragraph break. */
export function newsText(shared, targetBytes) {
  const dir = path.join(shared, 'eval', 'sourcing', 'polnear', 'test', 'text');
  if (!fs.existsSync(dir)) return null;
  const articles = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  if (articles.every((a) => !a.trim())) return null;
  const parts = [];
  let bytes = 0;
  fill: for (;;) {
    for (const a of articles) {
      if (bytes >= targetBytes) break fill;
      const piece = `${a.trimEnd()}\n\n`;
      parts.push(piece);
      bytes += Buffer.byteLength(piece);
    }
  }
  const buf = Buffer.from(parts.join(''));
  const head = buf.subarray(0, targetBytes);
  const i = head.lastIndexOf('\n\n');
  return buf.subarray(0, i >= 0 ? i + 1 : targetBytes).toString('utf8');
}

function texts(shared) {
  const out = new Map();
  const example = fs.readFileSync(path.join(ROOT, 'www', 'example.txt'), 'utf8');
  out.set('example', { text: example, native: null });
  const seedFile = path.join(shared, 'corpus', 'seed-article.txt');
  if (fs.existsSync(seedFile)) out.set('seed-8KB', { text: fs.readFileSync(seedFile, 'utf8'), native: 'seed-8KB' });
  for (const [name, size] of [
    ['news-100KB', 100_000],
    ['news-1MB', 1_000_000],
    ['news-5MB', 5_000_000],
  ]) {
    const text = newsText(shared, size);
    if (text) out.set(name, { text, native: name === 'news-5MB' ? null : name });
  }
  if (!out.has('news-1MB')) log(`${shared} has no PolNeAR test articles: the news-text rows are skipped`);
  if (!out.has('seed-8KB')) log(`${seedFile} is absent: the seed-article rows are skipped`);
  return out;
}

// ------------------------------------------------------------------ server

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** A news page: the text's lines as paragraphs of an <article>, with some page chrome. */
function articlePage(title, text) {
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,"><style>body{font:17px/1.5 Georgia,serif;max-width:40em;margin:0 auto;padding:1em}</style></head>
<body><header><nav><a href="#">Home</a></nav></header><main><article><h1>${escapeHtml(title)}</h1>
${paragraphs}
</article></main><footer>Footer</footer></body></html>`;
}

const MIME = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };

function startServer(corpus) {
  const ext = path.join(DIST, 'www', 'ext');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    const p = decodeURIComponent(url.pathname);
    if (p === '/blank.html') return send(200, MIME['.html'], '<!doctype html><link rel="icon" href="data:,"><title>bench</title>');
    let m = p.match(/^\/text\/([\w-]+)$/);
    if (m && corpus.has(m[1])) return send(200, 'text/plain; charset=utf-8', corpus.get(m[1]).text);
    m = p.match(/^\/page\/([\w-]+)\.html$/);
    if (m && corpus.has(m[1])) return send(200, MIME['.html'], articlePage(m[1], corpus.get(m[1]).text));
    if (p.startsWith('/ext/') && !p.includes('..')) {
      const file = path.join(ext, p.slice(5));
      if (fs.existsSync(file) && fs.statSync(file).isFile()) {
        return send(200, MIME[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
      }
    }
    send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, server }));
  });
}

// ------------------------------------------------------------------ helpers

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms` : '–');
const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(1)} MiB` : '–');
const met = (ok) => (ok ? 'met' : '**missed**');

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Native `analyze` median (ns) from criterion's last run, if any. */
function nativeNs(input) {
  try {
    const est = JSON.parse(fs.readFileSync(path.join(TARGET, 'criterion', 'analyze', input, 'new', 'estimates.json'), 'utf8'));
    return est.median.point_estimate;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ plain page: the Wasm core

async function withBrowser(chromium, fn) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

async function wasmLoad(chromium, base, reps) {
  const rows = { fetch: [], compile: [], instantiate: [], streaming: [] };
  for (let i = 0; i < reps; i++) {
    await withBrowser(chromium, async (browser) => {
      const page = await browser.newPage();
      await page.goto(`${base}/blank.html`);
      const r = await page.evaluate(async () => {
        const glue = await import('/ext/wasm/caveat.js');
        const t0 = performance.now();
        const bytes = await (await fetch('/ext/wasm/caveat_bg.wasm')).arrayBuffer();
        const t1 = performance.now();
        const module = await WebAssembly.compile(bytes);
        const t2 = performance.now();
        await glue.default({ module_or_path: module });
        const t3 = performance.now();
        return { fetch: t1 - t0, compile: t2 - t1, instantiate: t3 - t2 };
      });
      // What the extension does: one streaming fetch + compile + instantiate.
      const page2 = await browser.newPage();
      await page2.goto(`${base}/blank.html`);
      r.streaming = await page2.evaluate(async () => {
        const glue = await import('/ext/wasm/caveat.js');
        const t0 = performance.now();
        await glue.default({ module_or_path: '/ext/wasm/caveat_bg.wasm' });
        return performance.now() - t0;
      });
      for (const k of Object.keys(rows)) rows[k].push(r[k]);
    });
  }
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)]));
}

/** How long the Wasm `analyze` is called before its warm calls are timed (criterion warms up for 3 s). */
const WARM_UP_MS = 1000;

async function wasmAnalyze(chromium, base, name, reps) {
  const firsts = [];
  const warms = [];
  let last = null;
  for (let i = 0; i < reps; i++) {
    await withBrowser(chromium, async (browser) => {
      const page = await browser.newPage();
      await page.goto(`${base}/blank.html`);
      last = await page.evaluate(
        async ({ name, warmRuns, warmUpMs }) => {
          const glue = await import('/ext/wasm/caveat.js');
          const exports = await glue.default({ module_or_path: '/ext/wasm/caveat_bg.wasm' });
          // The models the extension installs before its first analysis: without them
          // the Wasm would run less than the native figure it is compared with.
          const { MODELS } = await import('/ext/core/engine.js');
          for (const model of MODELS) {
            glue.loadModel(model, new Uint8Array(await (await fetch(`/ext/wasm/${model}.bin`)).arrayBuffer()));
          }
          const text = await (await fetch(`/text/${name}`)).text();
          const memBefore = exports.memory.buffer.byteLength;
          let t = performance.now();
          let report = glue.analyze(text);
          const first = performance.now() - t;
          // Warm as criterion warms the native code up (calls for a while before it
          // measures): V8 first runs each function as baseline code and recompiles the
          // busy ones, in the background, a few calls later.
          const warmUntil = performance.now() + warmUpMs;
          for (let j = 0; j < 2 || performance.now() < warmUntil; j++) glue.analyze(text);
          const times = [];
          for (let j = 0; j < warmRuns; j++) {
            t = performance.now();
            report = glue.analyze(text);
            times.push(performance.now() - t);
          }
          times.sort((a, b) => a - b);
          return {
            first,
            warm: times[Math.floor(times.length / 2)],
            marks: report.annotations.length,
            memBefore,
            memAfter: exports.memory.buffer.byteLength,
            bytes: new TextEncoder().encode(text).length,
          };
        },
        { name, warmRuns: name.includes('MB') ? 5 : 15, warmUpMs: WARM_UP_MS },
      );
      firsts.push(last.first);
      warms.push(last.warm);
    });
  }
  return { ...last, first: median(firsts), warm: median(warms) };
}

// ------------------------------------------------------------------ extension pages

async function isolatedWorld(cdp, contexts, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const c of contexts.filter((c) => c.auxData?.type === 'isolated' && c.name === 'Caveat').reverse()) {
      const { result } = await cdp
        .send('Runtime.evaluate', {
          expression: 'JSON.stringify({ t: globalThis.caveatPage?.timings, mem: globalThis.caveatPage?.wasmMemoryBytes?.() })',
          contextId: c.id,
          returnByValue: true,
        })
        .catch(() => ({ result: {} }));
      const v = result?.value ? JSON.parse(result.value) : null;
      if (v?.t?.done !== undefined) return { contextId: c.id, ...v };
    }
    if (Date.now() > deadline) throw new Error('Caveat did not finish on the page in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function evalIn(cdp, contextId, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

/** Open `url` with the extension; timings, longest tasks, Wasm memory (and a CPU profile). */
async function extensionPage(context, url, { profileTo = null, drop = false } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  cdp.on('Runtime.executionContextsCleared', () => contexts.splice(0));
  await cdp.send('Runtime.enable');
  const traceEvents = [];
  cdp.on('Tracing.dataCollected', (e) => traceEvents.push(...e.value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'],
    },
    bufferUsageReportingInterval: 1000,
  });
  if (profileTo) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const state = await isolatedWorld(cdp, contexts);
  // Let the marks paint: the frame after the last highlight change counts too.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
  let profile = null;
  if (profileTo) profile = (await cdp.send('Profiler.stop')).profile;
  await cdp.send('Tracing.end');
  await traced;
  const longtasks = await page.evaluate(() => window.__longtasks);
  const t = state.t;
  const from = t.startedAt;
  const observed = longtasks.filter((l) => l.start + l.duration >= from);
  const tasks = longestTasks(traceEvents, from);
  if (process.env.CAVEAT_BENCH_VERBOSE) {
    const top = tasks.tasks.sort((a, b) => b.duration - a.duration).slice(0, 6);
    log(`${url}: ${JSON.stringify(t, (k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
    for (const x of top.slice(0, 3)) {
      log(`  task at ${x.start.toFixed(0)} ms, ${x.duration.toFixed(0)} ms: ${taskContents(traceEvents, x, tasks.pid, tasks.tid)}`);
    }
  }
  const out = {
    timings: t,
    memory: state.mem,
    longestTraceTask: tasks.longest,
    longtasks: observed.map((l) => l.duration),
    problems,
    profile,
    traceEvents,
  };
  if (drop) {
    // The page drops its large article for a short one: memory after re-analysis.
    await page.evaluate(() => {
      document.querySelector('article').replaceChildren(
        Object.assign(document.createElement('p'), { textContent: 'A short note replaced the article, officials said.' }),
      );
    });
    const after = await evalIn(
      cdp,
      state.contextId,
      `new Promise((resolve) => {
         const until = performance.now() + 10000;
         const check = () => {
           if (globalThis.caveatPage.timings.updatesDone > 0) resolve(globalThis.caveatPage.wasmMemoryBytes());
           else if (performance.now() > until) resolve(NaN);
           else setTimeout(check, 50);
         };
         check();
       })`,
    ).catch(() => NaN);
    out.memoryAfterDrop = after;
  }
  await page.close();
  return out;
}

/**
 * The reader's watch-list of the `<page>+watchlist` rows: phrases and patterns, so the
 * watch-list's own Wasm module is fetched, compiled and run before the marks.
 */
const BENCH_WATCHLIST = [
  { pattern: 'the administration', note: 'who exactly?' },
  { pattern: 'officials said', note: 'unnamed' },
  { pattern: "people's", note: '' },
  { pattern: '/\\b(secur\\w+|intelligence) (officials?|sources?)\\b/', note: 'vague sources' },
  { pattern: '/\\b(deep state|fake news|witch hunt)\\b/', note: 'loaded terms' },
];

async function extensionRuns(chromium, base, name, reps, profileDir, traceDir) {
  // `seed-8KB+watchlist`: the seed page with a watch-list in the settings.
  const [page, variant] = name.split('+');
  const ext = path.join(DIST, 'chromium');
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) throw new Error(`${ext} is missing: run \`cargo xtask build\``);
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const context = await chromium.launchPersistentContext('', {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1000, height: 800 },
      args: [...BROWSER_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
    });
    try {
      if (variant === 'watchlist' || variant === 'phrases') {
        // `+phrases`: the same list without its /patterns/ (the small module, no regex crate).
        const list = variant === 'phrases' ? BENCH_WATCHLIST.filter((e) => !e.pattern.startsWith('/')) : BENCH_WATCHLIST;
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        await worker.evaluate((watchlist) => chrome.storage.sync.set({ watchlist }), list);
      }
      const run = await extensionPage(context, `${base}/page/${page}.html`, {
        profileTo: profileDir && i === 0 ? profileDir : null,
        drop: name.startsWith('news'),
      });
      if (run.profile) {
        fs.mkdirSync(profileDir, { recursive: true });
        const file = path.join(profileDir, `${name}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(run.profile));
        log(`CPU profile of ${name}: ${file}\n${summarizeProfile(run.profile, 20)}`);
      }
      if (traceDir && i === 0) {
        fs.mkdirSync(traceDir, { recursive: true });
        const file = path.join(traceDir, `${name}.trace.json`);
        fs.writeFileSync(file, JSON.stringify({ traceEvents: run.traceEvents, caveatTimings: run.timings }));
        log(`trace of ${name}: ${file}`);
      }
      delete run.traceEvents;
      runs.push(run);
    } finally {
      await context.close();
    }
  }
  const pick = (f) => median(runs.map(f));
  return {
    firstMarks: pick((r) => r.timings.firstMarks),
    allMarks: pick((r) => r.timings.allMarks),
    collected: pick((r) => r.timings.collected),
    wasmReady: pick((r) => r.timings.wasmReady),
    longestTask: pick((r) => r.longestTraceTask),
    maxLongestTask: Math.max(...runs.map((r) => r.longestTraceTask).filter(Number.isFinite)),
    longtasks: Math.max(0, ...runs.map((r) => r.longtasks.length)),
    longestObserved: Math.max(0, ...runs.flatMap((r) => r.longtasks)),
    memory: pick((r) => r.memory),
    memoryAfterDrop: pick((r) => r.memoryAfterDrop),
    chunks: runs[0].timings.chunks,
    problems: runs.flatMap((r) => r.problems),
  };
}

// ------------------------------------------------------------------ report

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const { chromium } = loadPlaywright();
  const corpus = texts(o.shared);
  const { url: base, server } = await startServer(corpus);
  const out = [];
  try {
    const chromeVersion = await withBrowser(chromium, async (b) => b.version());
    out.push(`**Browser** (\`node bench/browser/run.mjs\`): headless Chromium ${chromeVersion}, medians of ${o.reps} fresh browsers per figure.\n`);

    const wanted = (part) => !o.only || o.only.has(part);
    if (wanted('load')) {
      log('Wasm load');
      const load = await wasmLoad(chromium, base, o.reps);
      out.push('| Wasm core load | fetch | compile | instantiate | streaming fetch + compile + instantiate |');
      out.push('|---|---:|---:|---:|---:|');
      out.push(`| \`caveat_bg.wasm\` | ${ms(load.fetch)} | ${ms(load.compile)} | ${ms(load.instantiate)} | **${ms(load.streaming)}** |\n`);
    }

    out.push(
      '| `analyze` in Wasm | first call | warm median | native (criterion) | Wasm / native | budget ≤ 2× | marks | Wasm memory before → after |',
    );
    out.push('|---|---:|---:|---:|---:|---|---:|---:|');
    for (const [name, { native }] of corpus) {
      if (!native || !wanted('analyze')) continue;
      log(`analyze ${name}`);
      const r = await wasmAnalyze(chromium, base, name, o.reps);
      const ns = nativeNs(native);
      const nativeMs = ns ? ns / 1e6 : NaN;
      const ratio = r.warm / nativeMs;
      out.push(
        `| ${name} (${(r.bytes / 1000).toFixed(0)} KB) | ${ms(r.first)} | **${ms(r.warm)}** | ${ms(nativeMs)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '–'} | ${Number.isFinite(ratio) ? met(ratio <= WASM_RATIO_BUDGET) : '–'} | ${r.marks} | ${mb(r.memBefore)} → ${mb(r.memAfter)} |`,
      );
    }
    if (!nativeNs('news-1MB')) out.push('\n(native: run `cargo bench --bench analyze` first for the ratio)');
    out.push(WASM_NOTE);
    out.push('');

    out.push(
      '| extension page | first marks | all marks | longest main-thread task (trace) | tasks > 50 ms (longtask) | Wasm memory | after dropping the article | budget |',
    );
    out.push('|---|---:|---:|---:|---:|---:|---:|---|');
    const pages = ['example', 'seed-8KB', 'seed-8KB+phrases', 'seed-8KB+watchlist', 'news-1MB', 'news-1MB+watchlist', 'news-5MB']
      .filter((n) => corpus.has(n.split('+')[0]) && wanted(n));
    const problems = [];
    for (const name of pages) {
      log(`extension page ${name}`);
      const r = await extensionRuns(chromium, base, name, o.reps, o.profile, o.trace);
      problems.push(...r.problems.map((p) => `${name}: ${p}`));
      const noLongTask = `no task > ${TASK_BUDGET_MS} ms: ${met(r.longestTask <= TASK_BUDGET_MS)}`;
      const budget =
        name.startsWith('seed-8KB')
          ? `start → marks ≤ ${SEED_BUDGET_MS} ms: ${met(r.allMarks <= SEED_BUDGET_MS)}; ${noLongTask}`
          : name.startsWith('news-1MB')
            ? `all marks ≤ ${ONE_MB_BUDGET_MS} ms: ${met(r.allMarks <= ONE_MB_BUDGET_MS)}; ${noLongTask}`
            : name.startsWith('news')
              ? noLongTask
              : '–';
      out.push(
        `| ${name} | ${ms(r.firstMarks)} | **${ms(r.allMarks)}** | ${ms(r.longestTask)} (max ${ms(r.maxLongestTask)}) | ${r.longtasks ? `${r.longtasks} (longest ${ms(r.longestObserved)})` : 'none'} | ${mb(r.memory)} | ${name.startsWith('news') ? mb(r.memoryAfterDrop) : '–'} | ${budget} |`,
      );
    }
    out.push(
      '\nTimes are from the content script\'s start (content/boot.js at document idle, Wasm not yet loaded) to the highlights being registered; "first marks" are the visible part\'s (on a long page, with the marks three viewports above and below it, which the mark layer registers in the same change). Longest task: the longest main-thread task from content-script start until the marks have painted, from a Chromium trace (median over runs, which the budgets read; max in brackets): on the news pages it includes Chromium\'s own repaint of the page when the highlights change.',
    );
    if (problems.length) out.push(`\nConsole problems: ${problems.join('; ')}`);
    out.push('');
  } finally {
    server.close();
  }
  console.log(out.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
