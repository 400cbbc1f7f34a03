import { useId, useMemo, useState } from 'react';
import type { ViewType } from 'react-diff-view';
import type { PatchSource, Trajectory } from '../../core/types';
import { comparePatches } from './comparePatches';
import { PatchBody } from './PatchBody';

type Tab = 'model' | 'reference' | 'compare';

export interface PatchViewProps {
  trajectory: Pick<Trajectory, 'patch' | 'patchSource' | 'referencePatch'>;
  defaultView?: ViewType;
}

const SOURCE: Record<PatchSource, string> = {
  column: 'from the dataset’s patch column',
  metadata: 'from the record’s metadata',
  thread: 'recovered from the thread: the last diff the agent printed',
};

const NUMBER = new Intl.NumberFormat('en-US');

/**
 * The model patch as a multi-file diff, the reference patch beside it when there is one. Its +/-
 * totals are the core's (`parsePatch`), the same numbers as a row's `patchAdd` / `patchDel`.
 */
export function PatchView({ trajectory, defaultView = 'unified' }: PatchViewProps) {
  const [view, setView] = useState<ViewType>(defaultView);
  const hasReference = !!trajectory.referencePatch;
  const [tab, setTab] = useState<Tab>('model');
  const id = useId().replace(/:/g, '');
  const shown: Tab = hasReference ? tab : 'model';
  return (
    <section className="patch-view" aria-label="Patch">
      <header className="pv-head">
        {hasReference ? (
          <div className="pv-tabs" role="tablist" aria-label="Which patch">
            {(['model', 'reference', 'compare'] as const).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={shown === t} aria-controls={`${id}-panel`} className="pv-tab" onClick={() => setTab(t)}>
                {t === 'model' ? 'Model patch' : t === 'reference' ? 'Reference patch' : 'Compare'}
              </button>
            ))}
          </div>
        ) : (
          <h3 className="pv-title">Model patch</h3>
        )}
        {trajectory.patch && trajectory.patchSource ? (
          <span className={`pv-source pv-source-${trajectory.patchSource}`} title="Where the model patch comes from">
            {trajectory.patchSource === 'thread' ? <span aria-hidden="true">⚠ </span> : null}Model patch {SOURCE[trajectory.patchSource]}
          </span>
        ) : null}
        <span className="pv-spacer" />
        <div className="pv-segmented" role="group" aria-label="Diff layout">
          {(['unified', 'split'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} className="pv-seg" onClick={() => setView(v)}>
              {v === 'unified' ? 'Unified' : 'Split'}
            </button>
          ))}
        </div>
      </header>
      <div id={`${id}-panel`} role={hasReference ? 'tabpanel' : undefined} className="pv-panel">
        {shown === 'compare' ? (
          <Compare model={trajectory.patch} reference={trajectory.referencePatch} view={view} idPrefix={id} />
        ) : shown === 'reference' ? (
          <PatchBody text={trajectory.referencePatch ?? ''} view={view} idPrefix={`${id}-ref`} label="Reference patch" />
        ) : trajectory.patch ? (
          <PatchBody text={trajectory.patch} view={view} idPrefix={`${id}-model`} label="Model patch" />
        ) : (
          <p className="pv-none" role="note">
            No model patch: this trajectory stores none, and no diff could be recovered from its thread.
          </p>
        )}
      </div>
    </section>
  );
}

function Compare({ model, reference, view, idPrefix }: { model: string | undefined; reference: string | undefined; view: ViewType; idPrefix: string }) {
  const cmp = useMemo(() => comparePatches(model, reference), [model, reference]);
  return (
    <div className="pv-compare">
      <p className="pv-compare-summary">
        {NUMBER.format(cmp.both)} {cmp.both === 1 ? 'file' : 'files'} in both ({NUMBER.format(cmp.same)} with the same change), {NUMBER.format(cmp.onlyA)} only in the model patch, {NUMBER.format(cmp.onlyB)} only in the reference.
      </p>
      <table className="pv-files" aria-label="Files in the model and reference patches">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="pv-num">
              Model
            </th>
            <th scope="col" className="pv-num">
              Reference
            </th>
            <th scope="col">Same change</th>
          </tr>
        </thead>
        <tbody>
          {cmp.files.map((f) => (
            <tr key={f.path} data-path={f.path}>
              <td>
                <code>{f.path}</code>
              </td>
              <td className="pv-num">{f.a ? <Counts {...f.a} /> : <span className="pv-absent">—</span>}</td>
              <td className="pv-num">{f.b ? <Counts {...f.b} /> : <span className="pv-absent">—</span>}</td>
              <td>{f.a && f.b ? <span className={f.same ? 'pv-same' : 'pv-differs'}>{f.same ? 'same' : 'differs'}</span> : <span className="pv-absent">{f.a ? 'model only' : 'reference only'}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pv-columns">
        <div>
          <h4 className="pv-column-title">Model patch</h4>
          {model ? <PatchBody text={model} view={view} idPrefix={`${idPrefix}-cm`} label="Model patch" /> : <p className="pv-none">No model patch.</p>}
        </div>
        <div>
          <h4 className="pv-column-title">Reference patch</h4>
          <PatchBody text={reference ?? ''} view={view} idPrefix={`${idPrefix}-cr`} label="Reference patch" />
        </div>
      </div>
    </div>
  );
}

function Counts({ add, del }: { add: number; del: number }) {
  return (
    <>
      <span className="pv-add">+{NUMBER.format(add)}</span> <span className="pv-del">−{NUMBER.format(del)}</span>
    </>
  );
}
