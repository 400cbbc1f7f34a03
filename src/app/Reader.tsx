import { useEffect, useState } from 'react';
import { PatchView } from '../features/diff';
import { Thread } from '../features/thread';
import type { Trajectory } from '../../workers/datasetsApi';
import { datasetsClient } from '../../workers/datasetsClient';
import type { ReaderTab } from './route';

interface Props {
  datasetKey: string;
  id: string;
  message: number | undefined;
  tab: ReaderTab;
  onMessage(index: number): void;
  onTab(tab: ReaderTab): void;
  onClose(): void;
}

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'ready'; trajectory: Trajectory };

/** One stored trajectory: its thread or its patch, with the place kept in the URL. */
export function Reader({ datasetKey, id, message, tab, onMessage, onTab, onClose }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  // The link's message is where reading starts; later moves write the URL, they do not steer the thread.
  const [initialMessage] = useState(message);
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    datasetsClient()
      .trajectory(datasetKey, id)
      .then(
        (t) => live && setLoaded(t ? { state: 'ready', trajectory: t } : { state: 'missing' }),
        (e: unknown) => live && setLoaded({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [datasetKey, id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable]')) return;
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const t = loaded.state === 'ready' ? loaded.trajectory : undefined;
  return (
    <section className="reader" aria-label={`Trajectory ${id}`}>
      <header className="reader-header">
        <button type="button" className="button" onClick={onClose} aria-label="Back to the table">
          ← Table
        </button>
        <div className="reader-title">
          <h2 className="mono">{t?.instanceId ?? id}</h2>
          {t && (
            <p className="muted small">
              <span className={`outcome outcome-${t.outcome}`}>{t.outcome}</span>
              {[t.agent, t.model, t.repo, t.language, t.exitStatus].filter(Boolean).map((x) => (
                <span key={x}> · {x}</span>
              ))}
              <span className="mono"> · {t.id}</span>
            </p>
          )}
        </div>
        <div className="reader-tabs" role="tablist" aria-label="View">
          {(['thread', 'patch'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={tab === v} className={`tab${tab === v ? ' is-active' : ''}`} onClick={() => onTab(v)}>
              {v === 'thread' ? 'Thread' : 'Patch'}
            </button>
          ))}
        </div>
      </header>
      <div className="reader-body">
        {loaded.state === 'loading' && <p className="muted reader-note">Loading…</p>}
        {loaded.state === 'missing' && (
          <p className="reader-note" role="alert">
            Trajectory {id} is not stored in this dataset (it may not be loaded yet, or the dataset was loaded again with fewer rows).
          </p>
        )}
        {loaded.state === 'failed' && (
          <p className="reader-note" role="alert">
            Could not read trajectory {id}: {loaded.message}
          </p>
        )}
        {t && tab === 'thread' && <Thread trajectory={t} {...(initialMessage !== undefined ? { initialMessage } : {})} onMessageChange={(i) => onMessage(i)} />}
        {t && tab === 'patch' && <PatchView trajectory={t} />}
      </div>
    </section>
  );
}
