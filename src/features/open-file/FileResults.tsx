import { useId } from 'react';
import type { FileSummary, FormatInfo, Outcome, PreviewRow } from '../../../workers/api';
import { PREVIEW_ROWS } from '../../../workers/api';
import { codeSpans } from './codeSpans';
import { formatBytes, formatCount, formatDuration } from '../../core/display';
import type { OpenedFile } from './useOpenFiles';

interface Props {
  files: OpenedFile[];
  formats: FormatInfo[];
  onReread(key: number, format: string | undefined): void;
  onRemove(key: number): void;
}

/** One card per opened file, in the order they were opened. */
export function FileResults({ files, formats, onReread, onRemove }: Props) {
  if (!files.length) return <EmptyState />;
  return (
    <div className="file-list">
      {files.map((f) => (
        <FileCard key={f.key} entry={f} formats={formats} onReread={(format) => onReread(f.key, format)} onRemove={() => onRemove(f.key)} />
      ))}
    </div>
  );
}

function EmptyState() {
  return (
    <div className="empty-state">
      <svg aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
        <path d="M24 30V10m0 0-8 8m8-8 8 8" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M8 30v6a4 4 0 0 0 4 4h24a4 4 0 0 0 4-4v-6" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <h2>Drop trajectory files anywhere on this page</h2>
      <p>
        or use <strong>Open files</strong>. Parquet shards and JSONL from Hugging Face datasets, mini-swe-agent <code>.traj.json</code>,
        SWE-agent <code>.traj</code> and OpenHands <code>output.jsonl</code> (gzipped too) are read in your browser; nothing is uploaded.
      </p>
    </div>
  );
}

function FileCard({ entry, formats, onReread, onRemove }: { entry: OpenedFile; formats: FormatInfo[]; onReread(format: string | undefined): void; onRemove(): void }) {
  const { file, status, summary, progress, error } = entry;
  const ids = useId();
  const detection = summary?.detection ?? progress?.detection;
  const reading = status === 'reading';
  // A file that could not be read at all shows its error alone.
  const showFacts = !error && !(summary?.fatal && !detection);
  return (
    <section className="file-card" aria-label={file.name} aria-busy={reading}>
      <header className="file-card-header">
        <div className="file-title">
          <h2>{file.name}</h2>
          <span className="muted">{formatBytes(file.size)}</span>
          {reading && (
            <span className="status-pill" role="status">
              <span className="spinner" aria-hidden="true" />
              Reading… {progress ? `${formatCount(progress.rows)} rows` : ''}
            </span>
          )}
        </div>
        <button type="button" className="button button-quiet" aria-label={`Close ${file.name}`} onClick={onRemove}>
          ×
        </button>
      </header>

      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}

      {showFacts && (
        <dl className="facts">
          <div className="fact fact-format">
            <dt id={`${ids}-format`}>Format</dt>
            <dd aria-labelledby={`${ids}-format`}>
              {detection ? (
                <>
                  <span className="format-label">{detection.label}</span>
                  {detection.overridden && <span className="tag">forced</span>}
                  <span className="format-reason">
                    <CodeSpans text={detection.reason} />
                  </span>
                </>
              ) : (
                <span className="muted">{reading ? 'detecting…' : 'not detected'}</span>
              )}
            </dd>
          </div>
          <div className="fact">
            <dt id={`${ids}-rows`}>Rows</dt>
            <dd aria-labelledby={`${ids}-rows`}>{summary ? formatCount(summary.rowCount) : '…'}</dd>
          </div>
          <div className="fact">
            <dt id={`${ids}-errors`}>Errors</dt>
            <dd aria-labelledby={`${ids}-errors`} className={summary?.errorCount ? 'has-errors' : undefined}>
              {summary ? formatCount(summary.errorCount) : '…'}
            </dd>
          </div>
          {summary && (
            <div className="fact">
              <dt id={`${ids}-time`}>Read in</dt>
              <dd aria-labelledby={`${ids}-time`}>{formatDuration(summary.elapsedMs)}</dd>
            </div>
          )}
          {formats.length > 0 && (
            <div className="fact fact-override">
              <dt>
                <label htmlFor={`${ids}-as`}>Read as</label>
              </dt>
              <dd>
                <select id={`${ids}-as`} value={entry.format ?? ''} disabled={reading} onChange={(e) => onReread(e.currentTarget.value || undefined)}>
                  <option value="">Detect automatically</option>
                  {formats.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </dd>
            </div>
          )}
        </dl>
      )}

      {detection?.warning && (
        <p className="message message-warning" role="note">
          <CodeSpans text={detection.warning} />
        </p>
      )}
      {summary && !summary.fatal && !detection && (
        <p className="message message-warning" role="note">
          {file.name} has no rows.
        </p>
      )}
      {summary?.fatal && (
        <p className="message message-error" role="alert">
          {summary.fatal}
        </p>
      )}
      {summary && summary.errors.length > 0 && <ErrorList summary={summary} />}
      {summary && summary.preview.length > 0 && <PreviewTable name={file.name} rows={summary.preview} total={summary.rowCount} />}
    </section>
  );
}

function ErrorList({ summary }: { summary: FileSummary }) {
  const hidden = summary.errorCount - summary.errors.length;
  return (
    <details className="row-errors" open>
      <summary>
        {formatCount(summary.errorCount)} {summary.errorCount === 1 ? 'row' : 'rows'} could not be read
      </summary>
      <ul aria-label={`Row errors in ${summary.name}`}>
        {summary.errors.map((e, i) => (
          <li key={`${e.row}-${i}`}>
            <span className="row-ref">row {e.row}</span> {e.message}
          </li>
        ))}
        {hidden > 0 && <li className="muted">and {formatCount(hidden)} more</li>}
      </ul>
    </details>
  );
}

function PreviewTable({ name, rows, total }: { name: string; rows: PreviewRow[]; total: number }) {
  return (
    <div className="table-wrap">
      <table className="preview-table" aria-label={`First rows of ${name}`}>
        <caption>
          {total > rows.length ? `First ${formatCount(Math.min(PREVIEW_ROWS, rows.length))} of ${formatCount(total)} rows` : `All ${formatCount(total)} rows`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Instance</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Messages
            </th>
            <th scope="col" className="num">
              Tokens
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="mono id-cell" title={r.id}>
                {r.id}
              </td>
              <td className="mono">{r.instanceId ?? <span className="muted">—</span>}</td>
              <td>
                <OutcomeBadge outcome={r.outcome} />
              </td>
              <td className="num">{formatCount(r.nMessages)}</td>
              <td className="num" title={r.tokensExact ? 'cl100k_base tokens' : 'estimate: characters / 4'}>
                {r.tokensExact ? '' : '≈'}
                {formatCount(r.tokens)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return <span className={`outcome outcome-${outcome}`}>{outcome}</span>;
}

/** Renders `backticked` parts of detection messages (column names) as code. */
function CodeSpans({ text }: { text: string }) {
  return (
    <>
      {codeSpans(text).map((s, i) => (s.code ? <code key={i}>{s.text}</code> : s.text))}
    </>
  );
}
