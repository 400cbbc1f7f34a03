import { useMemo } from 'react';
import { miniDiff } from '../model/miniDiff';

const MARK = { same: ' ', del: '-', add: '+' } as const;
const NAME = { same: 'unchanged', del: 'removed', add: 'added' } as const;

/** An edit's old → new text as a small line diff. */
export function MiniDiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const lines = useMemo(() => miniDiff(before, after), [before, after]);
  return (
    <div className="mini-diff" role="table" aria-label={label}>
      {lines.map((l, i) => (
        <div key={i} role="row" className={`mini-diff-line mini-diff-${l.type}`}>
          <span role="cell" className="mini-diff-mark" aria-label={NAME[l.type]}>
            {MARK[l.type]}
          </span>
          <span role="cell" className="mini-diff-text">
            {l.text || ' '}
          </span>
        </div>
      ))}
    </div>
  );
}
