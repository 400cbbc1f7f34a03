import type { LoadedTrajectory } from './useTrajectory';

/** What stands in for a trajectory that is not ready: loading, not stored, or unreadable. */
export function TrajectoryNote({ loaded, id }: { loaded: LoadedTrajectory; id: string }) {
  if (loaded.state === 'loading') return <p className="muted reader-note">Loading…</p>;
  if (loaded.state === 'missing')
    return (
      <p className="reader-note" role="alert">
        Trajectory {id} is not stored in this dataset (it may not be loaded yet, or the dataset was loaded again with fewer rows).
      </p>
    );
  if (loaded.state === 'failed')
    return (
      <p className="reader-note" role="alert">
        Could not read trajectory {id}: {loaded.message}
      </p>
    );
  return null;
}
