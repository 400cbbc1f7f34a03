import { useState } from 'react';
import { PatchView } from '../features/diff';
import { Thread } from '../features/thread';
import { CompareMenu } from './CompareMenu';
import type { ReaderTab, Route } from './route';
import { TrajectoryNote } from './TrajectoryNote';
import { useEscape } from './useEscape';
import { useTrajectory } from './useTrajectory';

interface Props {
  datasetKey: string;
  id: string;
  message: number | undefined;
  tab: ReaderTab;
  onMessage(index: number): void;
  onTab(tab: ReaderTab): void;
  onCompare(route: Route): void;
  onClose(): void;
}

/** One stored trajectory: its thread or its patch, with the place kept in the URL. */
export function Reader({ datasetKey, id, message, tab, onMessage, onTab, onCompare, onClose }: Props) {
  const loaded = useTrajectory(datasetKey, id);
  // The link's message is where reading starts; later moves write the URL, they do not steer the thread.
  const [initialMessage] = useState(message);
  useEscape(onClose);

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
        <CompareMenu datasetKey={datasetKey} id={id} instanceId={t?.instanceId} status={loaded.state} onCompare={onCompare} />
        <div className="reader-tabs" role="tablist" aria-label="View">
          {(['thread', 'patch'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={tab === v} className={`tab${tab === v ? ' is-active' : ''}`} onClick={() => onTab(v)}>
              {v === 'thread' ? 'Thread' : 'Patch'}
            </button>
          ))}
        </div>
      </header>
      <div className="reader-body">
        <TrajectoryNote loaded={loaded} id={id} />
        {t && tab === 'thread' && <Thread trajectory={t} {...(initialMessage !== undefined ? { initialMessage } : {})} onMessageChange={(i) => onMessage(i)} />}
        {t && tab === 'patch' && <PatchView trajectory={t} />}
      </div>
    </section>
  );
}
