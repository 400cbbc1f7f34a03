/**
 * Dev harness for the browse feature (served by the dev server at /e2e/harness/browse.html):
 * seeds the browser's trajectory store with rows made from the fixture datasets, mounts the
 * TrajectoryTable over them, and lets a test add rows or land exact token counts while it shows.
 *
 * Query: `rows` (initial rows, default 2000), `batch` (rows per committed batch, default 100),
 * `keep=1` (reuse the rows a previous visit stored when they are the same: seeding 200k rows
 * takes a minute, so a test can keep them in a persistent browser profile).
 * `window.harness` (./harnessApi.ts) adds rows, lands exact tokens, drives the table's props,
 * and computes reference views on this thread from a table loaded from scratch.
 */
import { createElement, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/app/app.css';
import { TableQuery } from '../../src/core/query';
import { TrajectoryTable } from '../../src/features/browse';
import { dataset } from '../../workers/store/testData';
import { openTrajectoryStore, type TrajectoryStore } from '../../workers/store';
import type { HarnessState } from './harnessApi';
import { measureQueries } from './measure';
import { commitRows, countAllTokens, HARNESS_DATASET, loadTemplates } from './seedRows';
import './browse-harness.css';

const params = new URLSearchParams(location.search);
const initialRows = Number(params.get('rows') ?? 2000);
const batchRows = Number(params.get('batch') ?? 100);
const keep = params.get('keep') === '1';
/** Bump when the derived rows change, so kept rows from an older harness are not reused. */
const SEED_LABEL = 'browse harness, seed v1';

let state: HarnessState = { rows: 0, revision: 0, opened: undefined, selected: undefined, chosen: undefined, filter: undefined };
const listeners = new Set<() => void>();
const update = (patch: Partial<HarnessState>) => {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
};

async function setUp(): Promise<{ store: TrajectoryStore; templates: Awaited<ReturnType<typeof loadTemplates>> }> {
  const store = await openTrajectoryStore();
  const templates = await loadTemplates();
  if (!(keep && (await storedRows(store)) === initialRows)) {
    await store.deleteDataset(HARNESS_DATASET);
    await store.putDataset({ ...dataset(HARNESS_DATASET), source: { kind: 'local', label: SEED_LABEL }, mode: 'full', sampleRows: 0, selection: [] });
    const started = performance.now();
    await commitRows(store, templates, 0, initialRows, batchRows);
    console.info(`harness: ${initialRows} rows from ${templates.length} fixture trajectories stored in ${Math.round(performance.now() - started)} ms`);
  }
  update({ rows: initialRows, revision: state.revision + 1 });
  return { store, templates };
}

/** Rows a previous visit stored with this harness version, or -1. */
async function storedRows(store: TrajectoryStore): Promise<number> {
  const stored = await store.getDataset(HARNESS_DATASET);
  if (stored?.source.kind !== 'local' || stored.source.label !== SEED_LABEL) return -1;
  return (await store.getShards(HARNESS_DATASET)).reduce((sum, s) => sum + s.rowsDone, 0);
}

const setup = setUp();
window.harness = {
  ready: setup.then(() => undefined),
  async addRows(n) {
    const { store, templates } = await setup;
    await commitRows(store, templates, state.rows, state.rows + n, batchRows);
    update({ rows: state.rows + n, revision: state.revision + 1 });
    return state.rows;
  },
  async countTokens() {
    const { store } = await setup;
    const counted = await countAllTokens(store);
    update({ revision: state.revision + 1 });
    return counted;
  },
  select: (id) => update({ chosen: id }),
  setFilter: (filter) => update({ filter }),
  async measure(extraRows) {
    const { store, templates } = await setup;
    return measureQueries(store, templates, state.rows, extraRows);
  },
  async reference(sort, limit, filter) {
    const { store } = await setup;
    const query = new TableQuery(await store.loadFeatureTable(HARNESS_DATASET));
    const { rows, matched, total } = query.view({ sort, ...(filter ? { filter } : {}), offset: 0, limit, columns: [] });
    return { ids: rows.map((r) => r.id), matched, total };
  },
  state: () => state,
};

function Harness() {
  const [, rerender] = useState(0);
  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return createElement(
    'main',
    { className: 'harness' },
    createElement('header', { className: 'harness-header' }, createElement('h1', null, 'Browse harness'), createElement('p', { className: 'muted', 'data-testid': 'harness-status' }, `opened: ${state.opened ?? '—'} · selected: ${state.selected ?? '—'}`)),
    state.revision === 0
      ? createElement('p', { className: 'muted' }, 'Seeding the store…')
      : createElement(TrajectoryTable, {
          datasetKey: HARNESS_DATASET,
          storeVersion: String(state.revision),
          selectedId: state.chosen,
          filter: state.filter,
          onOpen: (id: string) => update({ opened: id }),
          onSelect: (id: string | undefined) => update({ selected: id }),
        }),
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('browse.html has no #root element');
createRoot(root).render(createElement(StrictMode, null, createElement(Harness)));
