import { formatBytes, formatCount, formatSeconds } from '../../core/display';
import type { DatasetStatus, LocalFile, ShardStatus } from '../../../workers/datasetsApi';
import { pickedFiles } from './localFiles';

interface Props {
  dataset: DatasetStatus;
  selected: boolean;
  onOpen(): void;
  onPause(): void;
  onResume(): void;
  onRemove(): void;
  onReattach(files: LocalFile[]): void;
}

const STATE_LABEL: Record<DatasetStatus['state'], string> = {
  ingesting: 'Loading',
  interrupted: 'Interrupted',
  paused: 'Paused',
  done: 'Loaded',
  error: 'Stopped',
  'needs-files': 'Needs its files again',
};

function targetRows(d: DatasetStatus): number | null {
  let total = 0;
  for (const s of d.shards) {
    if (s.rowsTarget === null) return null;
    total += s.rowsTarget;
  }
  return total;
}

/** One stored dataset: what it is, how far its ingest got, and what can be done with it. */
export function DatasetCard({ dataset: d, selected, onOpen, onPause, onResume, onRemove, onReattach }: Props) {
  const target = targetRows(d);
  const fraction = target ? (d.rows + d.errors) / target : d.bytesTotal ? d.bytesDone / d.bytesTotal : 0;
  const failed = d.shards.filter((s) => s.state === 'error');
  return (
    <article className={`dataset-card${selected ? ' is-selected' : ''}`} aria-label={d.label}>
      <header className="dataset-card-header">
        <div className="dataset-title">
          <h3 className="mono">{d.label}</h3>
          <p className="muted small">
            {d.kind === 'hub' && d.revision ? (
              <>
                {d.revision} · <code title={d.commit}>{d.commit?.slice(0, 10)}</code> ·{' '}
              </>
            ) : null}
            {d.mode.kind === 'sample' ? `sample of ${formatCount(d.mode.rows)} rows per split` : 'full'} · {formatBytes(d.usageBytes)} stored
          </p>
        </div>
        <span className={`state-badge state-${d.state}`} role="status" aria-label={`State: ${STATE_LABEL[d.state]}`}>
          {STATE_LABEL[d.state]}
        </span>
      </header>
      <div className="dataset-progress">
        <progress max={1} value={Math.min(1, fraction)} aria-label={`${d.label} progress`} />
        <dl className="dataset-stats">
          <div>
            <dt>Rows</dt>
            <dd data-testid="rows-done">
              {formatCount(d.rows)}
              {target !== null ? <span className="muted"> / {formatCount(target)}</span> : null}
            </dd>
          </div>
          <div>
            <dt>Fetched</dt>
            <dd>
              {formatBytes(d.bytesDone)}
              <span className="muted"> / {formatBytes(d.bytesTotal)}</span>
            </dd>
          </div>
          {d.errors > 0 && (
            <div>
              <dt>Bad rows</dt>
              <dd className="bad">{formatCount(d.errors)}</dd>
            </div>
          )}
          {d.rowsPerSec !== null && (
            <div>
              <dt>Speed</dt>
              <dd>{formatCount(Math.round(d.rowsPerSec))} rows/s</dd>
            </div>
          )}
          {d.etaSec !== null && d.state === 'ingesting' && (
            <div>
              <dt>Left</dt>
              <dd>{formatSeconds(d.etaSec)}</dd>
            </div>
          )}
          {d.tokensPending > 0 && (
            <div>
              <dt>Token counts</dt>
              <dd title="Exact cl100k_base counts are computed in the background; until then the len/4 estimate is shown">
                {formatCount(d.tokensPending)} estimated
              </dd>
            </div>
          )}
        </dl>
      </div>
      {d.message && (
        <p className="dataset-message" role="alert">
          {d.message}
        </p>
      )}
      {failed.length > 0 && (
        <ul className="shard-errors">
          {failed.map((s) => (
            <li key={s.key}>{s.error}</li>
          ))}
        </ul>
      )}
      <details className="shard-details">
        <summary>
          {d.shards.length} {d.shards.length === 1 ? 'file' : 'files'}
        </summary>
        <table className="shard-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">State</th>
              <th scope="col" className="num">Rows</th>
              <th scope="col" className="num">Bytes</th>
            </tr>
          </thead>
          <tbody>
            {d.shards.map((s) => (
              <ShardRow key={s.key} shard={s} />
            ))}
          </tbody>
        </table>
      </details>
      <footer className="dataset-actions">
        <button className="button button-primary" type="button" onClick={onOpen} disabled={d.rows === 0}>
          Browse
        </button>
        {d.state === 'ingesting' && (
          <button className="button" type="button" onClick={onPause}>
            Pause
          </button>
        )}
        {(d.state === 'paused' || d.state === 'error' || d.state === 'interrupted') && (
          <button className="button" type="button" onClick={onResume}>
            Resume
          </button>
        )}
        {d.state === 'needs-files' && (
          <label className="button">
            Open its files again…
            <input
              className="visually-hidden"
              type="file"
              multiple
              onChange={(e) => {
                const files = pickedFiles(e.currentTarget.files);
                e.currentTarget.value = '';
                if (files.length) onReattach(files);
              }}
            />
          </label>
        )}
        <button className="button button-danger" type="button" onClick={onRemove}>
          Delete
        </button>
      </footer>
    </article>
  );
}

function ShardRow({ shard: s }: { shard: ShardStatus }) {
  return (
    <tr>
      <td className="mono">
        {s.config}/{s.split}/{s.path.split('/').pop()}
      </td>
      <td>
        <span className={`state-badge small state-shard-${s.state}`}>{s.state}</span>
      </td>
      <td className="num">
        {formatCount(s.rowsDone)}
        {s.rowsTarget !== null ? ` / ${formatCount(s.rowsTarget)}` : ''}
      </td>
      <td className="num">
        {formatBytes(s.bytesDone)} / {formatBytes(s.size)}
      </td>
    </tr>
  );
}
