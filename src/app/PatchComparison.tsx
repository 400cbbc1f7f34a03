import { useMemo } from 'react';
import { comparePatches, PatchView, type FileComparison } from '../features/diff';
import type { Trajectory } from '../../workers/datasetsApi';
import { rolloutLabel } from './rolloutLabel';

const NUMBER = new Intl.NumberFormat('en-US');

/** How two rollouts' model patches relate, file by file, then each patch in full beside the other. */
export function PatchComparison({ a, b }: { a: Trajectory; b: Trajectory }) {
  const cmp = useMemo(() => comparePatches(a.patch, b.patch), [a.patch, b.patch]);
  const differs = cmp.both - cmp.same;
  return (
    <div className="patch-comparison">
      <p className="patch-comparison-summary" aria-label="Patch comparison summary">
        <Stat n={cmp.same} label="with the same change" tone="same" /> <Stat n={differs} label="changed differently" tone="differs" /> <Stat n={cmp.onlyA} label="only in A" tone="only" />{' '}
        <Stat n={cmp.onlyB} label="only in B" tone="only" />
      </p>
      {cmp.files.length === 0 ? (
        <p className="muted">Neither rollout has a model patch.</p>
      ) : (
        <table className="patch-comparison-files" aria-label="Files in the patches of A and B">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num" title={rolloutLabel(a.agent, a.model)}>
                A
              </th>
              <th scope="col" className="num" title={rolloutLabel(b.agent, b.model)}>
                B
              </th>
              <th scope="col">Relation</th>
            </tr>
          </thead>
          <tbody>
            {cmp.files.map((f) => (
              <FileRow key={f.path} file={f} />
            ))}
          </tbody>
        </table>
      )}
      <div className="patch-comparison-columns">
        <section aria-label="Patch of rollout A">
          <PatchView trajectory={modelPatchOf(a)} />
        </section>
        <section aria-label="Patch of rollout B">
          <PatchView trajectory={modelPatchOf(b)} />
        </section>
      </div>
    </div>
  );
}

function FileRow({ file }: { file: FileComparison }) {
  const relation = file.a && file.b ? (file.same ? 'same' : 'differs') : file.a ? 'only in A' : 'only in B';
  return (
    <tr data-path={file.path}>
      <td>
        <code>{file.path}</code>
      </td>
      <td className="num">{file.a ? <Counts {...file.a} /> : <span className="muted">—</span>}</td>
      <td className="num">{file.b ? <Counts {...file.b} /> : <span className="muted">—</span>}</td>
      <td>
        <span className={`relation relation-${relation.replace(/ /g, '-')}`}>{relation}</span>
      </td>
    </tr>
  );
}

function Stat({ n, label, tone }: { n: number; label: string; tone: string }) {
  return (
    <span className={`relation-stat relation-stat-${tone}`}>
      <strong>{NUMBER.format(n)}</strong> {n === 1 ? 'file' : 'files'} {label}
    </span>
  );
}

function Counts({ add, del }: { add: number; del: number }) {
  return (
    <>
      <span className="count-add">+{NUMBER.format(add)}</span> <span className="count-del">−{NUMBER.format(del)}</span>
    </>
  );
}

/** The model patch alone: the reference is the same task's for both, so it is not what differs here. */
function modelPatchOf(t: Trajectory): Pick<Trajectory, 'patch' | 'patchSource'> {
  return { patch: t.patch, patchSource: t.patchSource };
}
