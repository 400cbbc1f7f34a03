import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { RowView } from '../../workers/query/queryApi';
import { plainClick } from './plainClick';
import { rolloutLabel, shortId } from './rolloutLabel';
import { formatRoute, type Route } from './route';
import { useRollouts } from './useRollouts';
import type { LoadedTrajectory } from './useTrajectory';

interface Props {
  datasetKey: string;
  id: string;
  /** Undefined while the trajectory loads, or when it names no instance. */
  instanceId: string | undefined;
  /** How reading the trajectory itself went. */
  status: LoadedTrajectory['state'];
  onCompare(route: Route): void;
}

const NUMBER = new Intl.NumberFormat('en-US');

/** The Reader's "Compare" control: the other rollouts of this instance, each a link to the side-by-side view. */
export function CompareMenu({ datasetKey, id, instanceId, status, onCompare }: Props) {
  const rollouts = useRollouts(datasetKey, id, instanceId);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);

  const reason = disabledReason(status, instanceId, rollouts.state === 'ready' ? rollouts.rows.length : undefined, rollouts.state === 'failed' ? rollouts.message : undefined);
  const count = rollouts.state === 'ready' ? rollouts.rows.length + rollouts.more : 0;
  return (
    <div className="compare-menu" ref={root}>
      <button type="button" className="button" aria-expanded={open} aria-controls={panelId} disabled={reason !== undefined} title={reason?.detail ?? `Compare with another of the ${NUMBER.format(count)} other rollouts of this instance`} onClick={() => setOpen((o) => !o)}>
        Compare{count > 0 && <span className="compare-count">{NUMBER.format(count)}</span>}
      </button>
      {reason && (
        <span className="muted small compare-reason" title={reason.detail}>
          {reason.text}
        </span>
      )}
      {open && rollouts.state === 'ready' && (
        <div id={panelId} className="compare-panel" role="region" aria-label="Other rollouts of this instance">
          <p className="compare-panel-title small muted">
            Other rollouts of <span className="mono">{instanceId}</span>
          </p>
          <ul className="compare-list">
            {rollouts.rows.map((row) => {
              const route: Route = { dataset: datasetKey, trajectory: id, compare: row.id };
              return (
                <li key={row.id}>
                  <a className="compare-item" href={formatRoute(route)} onClick={(e) => plainClick(e) && onCompare(route)}>
                    <RolloutSummary row={row} />
                  </a>
                </li>
              );
            })}
          </ul>
          {rollouts.more > 0 && <p className="small muted compare-panel-title">and {NUMBER.format(rollouts.more)} more, not listed</p>}
        </div>
      )}
    </div>
  );
}

function RolloutSummary({ row }: { row: RowView }) {
  const { model, agent, outcome, nMessages, tokens, patchFiles } = row.values;
  return (
    <>
      <span className={`outcome outcome-${outcome ?? 'ungraded'}`}>{outcome ?? 'ungraded'}</span>
      <span className="compare-item-who">{rolloutLabel(agent, model)}</span>
      <span className="compare-item-stats small muted">
        {nMessages === null || nMessages === undefined ? '—' : NUMBER.format(nMessages)} msgs · {tokens === null || tokens === undefined ? '—' : `${row.tokensExact ? '' : '≈'}${NUMBER.format(tokens)}`} tokens · {patchFiles ? `${NUMBER.format(patchFiles)} ${patchFiles === 1 ? 'file' : 'files'} patched` : 'no patch'}
      </span>
      <span className="compare-item-id mono small muted" title={row.id} data-id={row.id}>
        {shortId(row.id)}
      </span>
    </>
  );
}

interface Reason {
  /** What the disabled control says beside it. */
  text: string;
  /** The same, in full, on hover. */
  detail: string;
}

function disabledReason(status: LoadedTrajectory['state'], instanceId: string | undefined, others: number | undefined, failure: string | undefined): Reason | undefined {
  if (status === 'loading') return { text: 'Loading…', detail: 'Loading the trajectory' };
  if (status !== 'ready') return { text: 'Unreadable', detail: 'This trajectory could not be read, so its instance is unknown' };
  if (instanceId === undefined) return { text: 'No instance id', detail: 'This trajectory names no instance, so no other rollout can be matched with it' };
  if (failure !== undefined) return { text: 'Lookup failed', detail: `Could not look for other rollouts: ${failure}` };
  if (others === undefined) return { text: 'Looking…', detail: 'Looking for other rollouts of this instance' };
  if (others === 0) return { text: 'No other rollouts', detail: 'No other rollouts of this instance in this dataset' };
  return undefined;
}

/** Esc or a click outside closes the open panel; that Esc does not also close the reader. */
function useDismiss(open: boolean, root: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open, root, close]);
}
