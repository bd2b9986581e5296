// @ts-check
/**
 * The content script's timings, in ms since it started (content/boot.js), for the
 * benchmark and the tests (readable in the content script's world as
 * `caveatPage.timings`: page/main.js). `lap(name)` records the first time a step is
 * reached (the pipeline records its own, again on each update: page/pipeline.js).
 */
export const timings = {};

export function lap(name, { again = false } = {}) {
  if (again || timings[name] === undefined) timings[name] = performance.now() - (timings.startedAt ?? 0);
}
