import { Thread } from '../features/thread';
import { PatchComparison } from './PatchComparison';
import { plainClick } from './plainClick';
import { rolloutLabel, shortId } from './rolloutLabel';
import { formatRoute, type ReaderTab, type Route } from './route';
import { TrajectoryNote } from './TrajectoryNote';
import { useEscape } from './useEscape';
import { useTrajectory, type LoadedTrajectory } from './useTrajectory';

interface Props {
  datasetKey: string;
  /** The rollout the reader was on (left), and the one it is compared with (right). */
  a: string;
  b: string;
  tab: ReaderTab;
  onTab(tab: ReaderTab): void;
  onOpen(route: Route): void;
  onBack(): void;
}

/** Two rollouts side by side: their threads, each scrolling on its own, or how their patches differ. */
export function Compare({ datasetKey, a, b, tab, onTab, onOpen, onBack }: Props) {
  const loadedA = useTrajectory(datasetKey, a);
  const loadedB = useTrajectory(datasetKey, b);
  useEscape(onBack);
  const ta = loadedA.state === 'ready' ? loadedA.trajectory : undefined;
  const tb = loadedB.state === 'ready' ? loadedB.trajectory : undefined;
  const instance = ta?.instanceId ?? tb?.instanceId;
  return (
    <section className="reader compare" aria-label={`Comparison of ${a} and ${b}`}>
      <header className="reader-header">
        <button type="button" className="button" onClick={onBack} aria-label="Back to the reader">
          ← Back
        </button>
        <div className="reader-title">
          <h2 className="mono">{instance ?? 'Two rollouts'}</h2>
          <p className="muted small">Two rollouts of one instance, side by side · Esc returns to the first</p>
        </div>
        <div className="reader-tabs" role="tablist" aria-label="Compare">
          {(['thread', 'patch'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={tab === v} className={`tab${tab === v ? ' is-active' : ''}`} onClick={() => onTab(v)}>
              {v === 'thread' ? 'Threads' : 'Patches'}
            </button>
          ))}
        </div>
      </header>
      <div className="compare-heads">
        <RolloutHead side="A" id={a} loaded={loadedA} href={formatRoute({ dataset: datasetKey, trajectory: a })} onOpen={() => onOpen({ dataset: datasetKey, trajectory: a })} />
        <RolloutHead side="B" id={b} loaded={loadedB} href={formatRoute({ dataset: datasetKey, trajectory: b })} onOpen={() => onOpen({ dataset: datasetKey, trajectory: b })} />
      </div>
      {tab === 'thread' ? (
        <div className="compare-columns">
          <ThreadColumn side="A" id={a} loaded={loadedA} />
          <ThreadColumn side="B" id={b} loaded={loadedB} />
        </div>
      ) : (
        <div className="compare-patches">{ta && tb ? <PatchComparison a={ta} b={tb} /> : <NotReady a={[a, loadedA]} b={[b, loadedB]} />}</div>
      )}
    </section>
  );
}

function RolloutHead({ side, id, loaded, href, onOpen }: { side: string; id: string; loaded: LoadedTrajectory; href: string; onOpen(): void }) {
  const t = loaded.state === 'ready' ? loaded.trajectory : undefined;
  return (
    <div className="compare-head" role="group" aria-label={`Rollout ${side}`}>
      <span className="compare-side">{side}</span>
      {t && <span className={`outcome outcome-${t.outcome}`}>{t.outcome}</span>}
      <span className="compare-who">{t ? rolloutLabel(t.agent, t.model) : '…'}</span>
      <a className="compare-id mono small" href={href} title={`Read ${id} alone`} data-id={id} onClick={(e) => plainClick(e) && onOpen()}>
        {shortId(id)}
      </a>
    </div>
  );
}

function ThreadColumn({ side, id, loaded }: { side: string; id: string; loaded: LoadedTrajectory }) {
  return (
    <section className="compare-column" aria-label={`Thread of rollout ${side}`}>
      <TrajectoryNote loaded={loaded} id={id} />
      {loaded.state === 'ready' && <Thread trajectory={loaded.trajectory} />}
    </section>
  );
}

function NotReady({ a, b }: { a: [string, LoadedTrajectory]; b: [string, LoadedTrajectory] }) {
  return (
    <>
      <TrajectoryNote loaded={a[1]} id={a[0]} />
      <TrajectoryNote loaded={b[1]} id={b[0]} />
    </>
  );
}
