/**
 * Dev-only harness for the thread and diff features, before the app mounts them: serve with
 * `npx vite --port 4412 --strictPort` and open /e2e/harness/thread.html. Query parameters:
 * `record` (a name from fixtures/generated/harness/index.json) or `src` + `row` (a golden
 * expectation file), `view` (thread | patch | both), `message` (deep link), `theme` (light | dark).
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/app/app.css';
import type { Processed } from '../../src/core/pipeline';
import { PatchView } from '../../src/features/diff';
import { Thread, type MessageChangeCause } from '../../src/features/thread';
import './harness.css';
import { goldenRow, harnessIndex, harnessRecord, type HarnessEntry } from './loadRecord';

type View = 'thread' | 'patch' | 'both';

const params = new URLSearchParams(location.search);

function setParam(key: string, value: string | undefined): void {
  const next = new URLSearchParams(location.search);
  if (value === undefined) next.delete(key);
  else next.set(key, value);
  history.replaceState(null, '', `?${next.toString()}`);
}

function useRecord(): { record?: Processed; error?: string } {
  const [state, setState] = useState<{ record?: Processed; error?: string }>({});
  useEffect(() => {
    const src = params.get('src');
    const load = src ? goldenRow(src, Number(params.get('row') ?? 0)) : harnessRecord(params.get('record') ?? 'golden-open-swe-traces-openhands-parquet');
    load.then(
      (record) => setState({ record }),
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  return state;
}

function Harness() {
  const { record, error } = useRecord();
  const [entries, setEntries] = useState<HarnessEntry[]>([]);
  const [view, setView] = useState<View>((params.get('view') as View | null) ?? 'both');
  const [theme, setTheme] = useState(params.get('theme') ?? 'auto');
  const [place, setPlace] = useState<{ index: number; cause: MessageChangeCause } | undefined>();
  useEffect(() => {
    harnessIndex().then(setEntries, () => setEntries([]));
  }, []);
  useEffect(() => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  const initial = params.get('message');
  const onMessageChange = (index: number, cause: MessageChangeCause) => {
    setPlace({ index, cause });
    if (cause === 'select') setParam('message', String(index));
  };
  return (
    <div className="harness">
      <header className="harness-bar">
        <strong>Harness</strong>
        <label>
          Record{' '}
          <select
            value={params.get('record') ?? ''}
            onChange={(e) => {
              location.search = `?record=${encodeURIComponent(e.target.value)}&view=${view}`;
            }}
          >
            {params.get('src') ? <option value="">{params.get('src')}</option> : null}
            {entries.map((e) => (
              <option key={e.name} value={e.name}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          View{' '}
          <select value={view} onChange={(e) => {
            setView(e.target.value as View);
            setParam('view', e.target.value);
          }}>
            <option value="both">Thread and patch</option>
            <option value="thread">Thread</option>
            <option value="patch">Patch</option>
          </select>
        </label>
        <label>
          Theme{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value)}>
            <option value="auto">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <output id="harness-place" aria-label="Reader's place">
          {place ? `${place.cause} #${place.index}` : ''}
        </output>
      </header>
      {error ? (
        <p role="alert" className="harness-error">
          {error}
        </p>
      ) : !record ? (
        <p className="harness-loading">Loading…</p>
      ) : (
        <main className={`harness-main harness-${view}`}>
          {view !== 'patch' ? (
            <div className="harness-thread">
              <Thread trajectory={record.trajectory} features={record.features} initialMessage={initial === null ? undefined : Number(initial)} onMessageChange={onMessageChange} keyboardScope="document" />
            </div>
          ) : null}
          {view !== 'thread' ? (
            <div className="harness-patch">
              <PatchView trajectory={record.trajectory} />
            </div>
          ) : null}
        </main>
      )}
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('thread.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
