// Reading Chromium traces and CPU profiles for the browser benchmark.

/**
 * The longest main-thread task of the page's renderer that ends after `fromMs`
 * (ms since the page's time origin, i.e. its navigation start), from trace events
 * of the `toplevel` category (`RunTask` / `ThreadControllerImpl::RunTask`).
 */
export function longestTasks(events, fromMs) {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The time origin: the page's navigationStart mark, on a renderer main thread.
  const nav = events
    .filter((e) => e.name === 'navigationStart' && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => b.ts - a.ts)[0];
  if (!nav) return { longest: NaN, tasks: [] };
  const key = `${nav.pid}:${nav.tid}`;
  const from = nav.ts + fromMs * 1000;
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        `${e.pid}:${e.tid}` === key &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        e.ts + e.dur >= from,
    )
    .map((e) => ({ start: (e.ts - nav.ts) / 1000, duration: e.dur / 1000, ts: e.ts, dur: e.dur }));
  // No task at all: the trace lost its events (not a page without tasks): no figure.
  const longest = tasks.length ? Math.max(...tasks.map((t) => t.duration)) : NaN;
  return { longest, tasks, pid: nav.pid, tid: nav.tid };
}

/** What a task did: the events inside it on its thread taking over `minMs`, as "name 12ms". */
export function taskContents(events, task, pid, tid, minMs = 5) {
  return events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === pid &&
        e.tid === tid &&
        e.ts >= task.ts &&
        e.ts + e.dur <= task.ts + task.dur &&
        e.dur >= minMs * 1000 &&
        e.name !== 'RunTask' &&
        e.name !== 'ThreadControllerImpl::RunTask',
    )
    .map((e) => `${e.name}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop()})` : ''} ${(e.dur / 1000).toFixed(0)}ms`)
    .join(', ');
}

/** The heaviest functions of a CPU profile by self time, as text lines. */
export function summarizeProfile(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const where = f.url ? `${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : '';
    const k = `${f.functionName || '(anonymous)'} ${where}`.trim();
    self.set(k, (self.get(k) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
}
