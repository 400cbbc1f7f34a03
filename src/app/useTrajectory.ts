import { useEffect, useState } from 'react';
import type { Trajectory } from '../../workers/datasetsApi';
import { datasetsClient } from '../../workers/datasetsClient';

export type LoadedTrajectory = { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'ready'; trajectory: Trajectory };

/** One stored trajectory, read from the datasets worker; `missing` when the store has no such row. */
export function useTrajectory(datasetKey: string, id: string): LoadedTrajectory {
  const [loaded, setLoaded] = useState<LoadedTrajectory>({ state: 'loading' });
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
  return loaded;
}
