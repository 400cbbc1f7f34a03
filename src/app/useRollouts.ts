import { useEffect, useState } from 'react';
import type { RowView } from '../../workers/query/queryApi';
import { queryClient } from '../../workers/query/queryClient';

export type Rollouts = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; rows: RowView[]; /** Other rollouts the list leaves out, past its limit. */ more: number };

export const ROLLOUT_COLUMNS = ['model', 'agent', 'outcome', 'nMessages', 'tokens', 'patchFiles'] as const;
/** More rollouts of one instance than any dataset holds; the list says when it stops short. */
const MAX_ROLLOUTS = 500;

/** The other stored rollouts of `instanceId` in the dataset (every row but `id`), in table order. */
export function useRollouts(datasetKey: string, id: string, instanceId: string | undefined): Rollouts {
  const [rollouts, setRollouts] = useState<Rollouts>({ state: 'loading' });
  useEffect(() => {
    if (instanceId === undefined) return;
    let live = true;
    setRollouts({ state: 'loading' });
    const client = queryClient();
    // A refresh first: rows stored since the table was last read are rollouts too.
    client
      .refresh(datasetKey)
      .then(() => client.view({ datasetKey, sort: [], filter: { values: { instanceId: [instanceId] } }, offset: 0, limit: MAX_ROLLOUTS, columns: ROLLOUT_COLUMNS }))
      .then(
        (view) => live && setRollouts(ready(view.rows, view.matched, id)),
        (e: unknown) => live && setRollouts({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [datasetKey, id, instanceId]);
  return rollouts;
}

function ready(rows: RowView[], matched: number, id: string): Rollouts {
  const others = rows.filter((r) => r.id !== id);
  const othersMatched = matched - (rows.length - others.length);
  return { state: 'ready', rows: others, more: othersMatched - others.length };
}
