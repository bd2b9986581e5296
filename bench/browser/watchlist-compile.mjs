// The watch-list's compile in headless Chromium, apart from any page's load (whose own
// tasks make the extension rows of run.mjs noisy on a shared machine): a fresh browser
// per run, the built playground's modules (dist/www/ext), the bench list (run.mjs's
// BENCH_WATCHLIST: three phrases, two Unicode patterns), the seed article.
//   one call:  new Watcher(list), then the first search of the seed article (how the
//              extension compiled a list until it went a step per task);
//   per task:  core/watchlist.js compileList (each step's own work timed, without the
//              yields), then the first search of the seed article.
// `node bench/browser/watchlist-compile.mjs [path/to/shared] [--reps N]` (default 9); medians, max in brackets.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WWW = path.join(ROOT, 'dist', 'www');
const CHROMIUM = process.env.CAVEAT_CHROMIUM ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Math.max(1, Number(args[repsAt + 1]) || 9) : 9;
const shared = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--reps') ?? path.join(ROOT, '..', 'shared'));
const seed = fs.readFileSync(path.join(shared, 'corpus', 'seed-article.txt'), 'utf8');
const LIST = [
  'the administration',
  'officials said',
  "people's",
  '/\\b(secur\\w+|intelligence) (officials?|sources?)\\b/',
  '/\\b(deep state|fake news|witch hunt)\\b/',
];

let chromium;
for (const dir of [path.join(ROOT, 'bench'), path.join(ROOT, 'tests', 'e2e')]) {
  try {
    ({ chromium } = createRequire(path.join(dir, 'package.json'))('playwright-core'));
    break;
  } catch {
    // the next one
  }
}
if (!chromium) throw new Error('playwright-core is not installed (npm ci in bench/ or tests/e2e/)');
if (!fs.existsSync(path.join(WWW, 'ext', 'core', 'watchlist.js'))) throw new Error('dist/www is missing: run `cargo xtask build`');

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http
  .createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    if (url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><title>watch-list compile</title>');
    }
    const file = path.join(WWW, path.normalize(url));
    if (!file.startsWith(WWW) || !fs.existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    return fs.createReadStream(file).pipe(res);
  })
  .listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

/** One fresh browser: `kind` 'one call' or 'per task'. */
async function run(kind) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    return await page.evaluate(
      async ({ kind, list, seed, base }) => {
        const W = await import(`${base}/ext/core/watchlist.js`);
        const m = await W.loadWatchWasm('full', `${base}/ext/wasm/watchlist_bg.wasm`);
        const task = () => new Promise((resolve) => setTimeout(resolve, 0));
        await task();
        let watcher;
        const steps = [];
        if (kind === 'one call') {
          const t = performance.now();
          watcher = new m.Watcher(list);
          steps.push(performance.now() - t);
        } else {
          let at = performance.now();
          watcher = await W.compileList(m, list, {
            yieldTask: () => task().then(() => (at = performance.now())),
            onStep: () => steps.push(performance.now() - at),
          });
        }
        await task();
        const t = performance.now();
        watcher.find(seed);
        return { longest: Math.max(...steps), steps, find: performance.now() - t };
      },
      { kind, list: LIST, seed, base },
    );
  } finally {
    await browser.close();
  }
}

const runs = { 'one call': [], 'per task': [] };
for (let i = 0; i < reps; i++) for (const kind of Object.keys(runs)) runs[kind].push(await run(kind));
server.close();
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const ms = (a) => `${median(a).toFixed(1)} ms (max ${Math.max(...a).toFixed(1)})`;
console.log(`| compiling the bench list (${reps} fresh browsers) | longest compile task | first search of the seed article |`);
console.log('|---|---:|---:|');
for (const [kind, rs] of Object.entries(runs)) {
  const steps = kind === 'per task' ? `; steps ${rs[0].steps.map((_, k) => median(rs.map((r) => r.steps[k])).toFixed(1)).join(', ')} ms` : '';
  console.log(`| ${kind}${steps} | ${ms(rs.map((r) => r.longest))} | ${ms(rs.map((r) => r.find))} |`);
}
