// The report's shape as written for the JS (extension/core/report.js, the JSDoc types
// `tsc` checks the extension against) against what the built Wasm really returns:
// every key of a real report, of the rules' docs and of a watch-list mark must be a
// declared property, every required property must be there, and the string unions
// (categories, strengths, source kinds, language) must hold the values that come out.
// A change on the Rust side (src/report.rs, src/wasm.rs) fails here until report.js
// follows. Node only, no browser.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';

import { DIST, ROOT, nodeCore } from './helpers.mjs';

const EXT = path.join(DIST, 'www', 'ext');

/** report.js's typedefs: `{ Name: { props: { key: optional } } | { union: [values] } }`. */
function typedefs() {
  const source = fs.readFileSync(path.join(ROOT, 'extension', 'core', 'report.js'), 'utf8');
  const types = {};
  for (const [block] of source.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const union = block.match(/@typedef \{((?:'[^']+'(?: \| )?)+)\} (\w+)/);
    if (union) {
      types[union[2]] = { union: [...union[1].matchAll(/'([^']+)'/g)].map((m) => m[1]) };
      continue;
    }
    const object = block.match(/@typedef \{object\} (\w+)/);
    if (!object) continue;
    const props = {};
    for (const m of block.matchAll(/@property \{[^}]+\} (\[?)(\w+)\]?/g)) props[m[2]] = m[1] === '[';
    types[object[1]] = { props };
  }
  return types;
}

/** What is wrong with `value` as the object type `name` (keys only), as sentences. */
function keyProblems(types, name, value) {
  const { props } = types[name];
  const problems = [];
  for (const key of Object.keys(value)) if (!(key in props)) problems.push(`${name} has an undeclared key "${key}"`);
  for (const [key, optional] of Object.entries(props)) {
    if (!optional && !(key in value)) problems.push(`${name} lacks the required "${key}"`);
  }
  return problems;
}

let types;
let core;
let W;

before(async () => {
  types = typedefs();
  core = await nodeCore();
  W = await import(path.join(EXT, 'core', 'watchlist.js'));
  await W.loadWatchWasm('phrases', fs.readFileSync(path.join(EXT, 'wasm', 'watchlist_phrases_bg.wasm')));
});

test('report.js declares the types this test reads', () => {
  for (const name of ['Report', 'Annotation', 'Attribution', 'Summary', 'Counts', 'SourceSummary', 'TranslationVerdict', 'RuleDoc']) {
    assert.ok(types[name]?.props, `no @typedef {object} ${name} in core/report.js`);
  }
  for (const name of ['CoreCategory', 'Strength', 'SourceKind']) assert.ok(types[name]?.union, `no union ${name}`);
});

test("a real report's keys and values are the declared ones", () => {
  // The playground's example, and every rule's own example (some marks carry a detail).
  const examples = core.rules().map((r) => r.example);
  const text = [fs.readFileSync(path.join(ROOT, 'www', 'example.txt'), 'utf8'), ...examples].join('\n\n');
  const report = core.analyze(text);
  const problems = keyProblems(types, 'Report', report);
  assert.ok(report.annotations.length > 0 && report.attributions.length > 0, 'the text gives marks and attributions');
  const categories = new Set();
  for (const a of report.annotations) {
    problems.push(...keyProblems(types, 'Annotation', a));
    categories.add(a.category);
    if (!types.CoreCategory.union.includes(a.category)) problems.push(`category "${a.category}" is not a CoreCategory`);
    if (!types.Strength.union.includes(a.strength)) problems.push(`strength "${a.strength}" is not a Strength`);
  }
  assert.ok(report.annotations.some((a) => a.detail), 'the text has a mark with a detail');
  for (const a of report.attributions) {
    problems.push(...keyProblems(types, 'Attribution', a));
    if (!types.SourceKind.union.includes(a.kind)) problems.push(`source kind "${a.kind}" is not a SourceKind`);
  }
  const s = report.summary;
  problems.push(...keyProblems(types, 'Summary', s));
  problems.push(...keyProblems(types, 'Counts', s.counts));
  problems.push(...keyProblems(types, 'SourceSummary', s.sources));
  problems.push(...keyProblems(types, 'TranslationVerdict', s.translation));
  for (const kind of Object.keys(s.sources.by_kind)) {
    if (!types.SourceKind.union.includes(kind)) problems.push(`by_kind "${kind}" is not a SourceKind`);
  }
  assert.equal(s.language, 'en');
  const german =
    'Der Minister sagte am Freitag, dass die Einigung mit den Gewerkschaften nahe sein könnte. ' +
    'Die Verhandlungen dauern seit Wochen an, und beide Seiten haben Zugeständnisse gemacht. ' +
    'Die Opposition kritisierte den Zeitplan der Regierung scharf.';
  const other = core.analyze(german).summary;
  assert.equal(other.language, 'other');
  problems.push(...keyProblems(types, 'Summary', other));
  assert.deepEqual(problems, []);
  assert.deepEqual([...categories].sort(), [...types.CoreCategory.union].sort(), 'the text is marked in every category');
});

test("the rules' docs and a watch-list mark are of the declared shape", async () => {
  const problems = [];
  for (const r of core.rules()) problems.push(...keyProblems(types, 'RuleDoc', r));
  const { annotations, rule } = await W.localWatch().find('The harbour authority said so.', [{ pattern: 'harbour', note: 'a note' }]);
  assert.equal(annotations.length, 1);
  problems.push(...keyProblems(types, 'RuleDoc', rule));
  problems.push(...keyProblems(types, 'Annotation', annotations[0]));
  assert.equal(annotations[0].entry, 'harbour');
  assert.equal(annotations[0].detail, 'a note');
  assert.deepEqual([...new Set(problems)], []);
});
