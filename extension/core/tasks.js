// @ts-check
/**
 * Give the page its main thread back (input, rendering, its own tasks), resuming in
 * a task of `priority`: 'user-visible' (as the page's own tasks) while what is in
 * view is being marked, 'background' (after the page's tasks) for the rest. The page
 * pipeline, the engine's start and the watch-list's compile all cut their work into
 * tasks with it.
 * Not `scheduler.yield()`: its continuations go before the page's tasks, and a
 * page's timers starved for seconds while a 5 MB page was marked.
 * @param {any} [win]
 * @param {'user-visible' | 'background'} [priority]
 * @returns {Promise<unknown>}
 */
export function yieldToPage(win = globalThis, priority = 'user-visible') {
  const scheduler = win.scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority });
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}
