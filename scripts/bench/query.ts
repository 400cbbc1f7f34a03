/**
 * Query timings over synthetic feature tables (npx tsx scripts/bench/query.ts [rows...]):
 * filter, filter + sort, a scroll window from the cached order, and the column summaries.
 * DESIGN.md's target at 100k rows: filter ≈ 1 ms, filter + sort ≈ 25 ms.
 */
import { filterRows } from '../../src/core/query/filter';
import type { FilterSpec, SortSpec } from '../../src/core/query/filterSpec';
import { QueryTable } from '../../src/core/query/queryTable';
import { sortRows } from '../../src/core/query/sort';
import { TableQuery } from '../../src/core/query/tableQuery';
import { syntheticTable } from '../../src/core/query/testData';

const FILTERS: [string, FilterSpec][] = [
  ['outcome', { values: { outcome: ['resolved'] } }],
  ['outcome+language+tokens', { values: { outcome: ['resolved'], language: ['python', 'go', 'rust'] }, ranges: { tokens: { max: 32_000 } } }],
  ['SFT defaults', { values: { outcome: ['resolved'] }, ranges: { tokens: { max: 32_000 } }, hasPatch: true }],
  ['search', { search: 'org3__repo1' }],
];
const SORTS: [string, SortSpec][] = [
  ['tokens desc', [{ column: 'tokens', desc: true }]],
  ['language, churn desc', [{ column: 'language', desc: false }, { column: 'patchChurn', desc: true }]],
  ['instance', [{ column: 'instanceId', desc: false }]],
  ['duration (float, missing)', [{ column: 'durationSec', desc: false }]],
  ['id', [{ column: 'id', desc: false }]],
];

function time(run: () => unknown, repeat = 15): number {
  run();
  const samples: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

for (const n of (process.argv.slice(2).length ? process.argv.slice(2) : ['100000', '200000']).map(Number)) {
  const buildStart = performance.now();
  const table = syntheticTable(n, 11);
  console.log(`\n${n.toLocaleString('en-US')} rows (synthetic table built in ${ms(performance.now() - buildStart)})`);
  const q = new QueryTable(table);
  for (const [name, f] of FILTERS) {
    const kept = filterRows(q, f).length;
    console.log(`  filter ${name.padEnd(28)} ${ms(time(() => filterRows(q, f))).padStart(10)}  (${kept.toLocaleString('en-US')} rows)`);
  }
  const [, sft] = FILTERS[2] as [string, FilterSpec];
  for (const [name, s] of SORTS) {
    const all = filterRows(q, undefined);
    console.log(`  sort all by ${name.padEnd(24)} ${ms(time(() => sortRows(q, all, s))).padStart(10)}`);
    console.log(`  filter (SFT) + sort by ${name.padEnd(13)} ${ms(time(() => sortRows(q, filterRows(q, sft), s))).padStart(10)}`);
  }
  const cold = performance.now();
  const query = new TableQuery(table);
  const request = { sort: SORTS[1]?.[1] ?? [], filter: sft, offset: 0, limit: 100, columns: ['id', 'instanceId', 'outcome', 'tokens', 'tools'] as const };
  query.view(request);
  console.log(`  first view (cold: ranks, filter, sort, 100 rows)  ${ms(performance.now() - cold)}`);
  console.log(`  scroll window of 100 rows (cached order)   ${ms(time(() => query.view({ ...request, offset: Math.floor(n / 3) }), 50))}`);
  console.log(`  column summaries (all columns)             ${ms(time(() => new TableQuery(table).columns(), 5))}`);
}
