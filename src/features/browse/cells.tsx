/** How each kind of value shows in a cell. Every value is untrusted dataset text: rendered as text only. */
import type { CountEntry, ExtraCellValue, RowView } from '../../../workers/query/queryApi';
import { formatCount, formatSeconds } from '../../core/display';
import { isClipped, MAX_EXTRA_TEXT } from '../../core/extraColumns';

const MISSING = (
  <span className="browse-missing" aria-label="none">
    —
  </span>
);

export function TextCell({ value, mono = false }: { value: string | null | undefined; mono?: boolean }) {
  if (value === null || value === undefined) return MISSING;
  return (
    <span className={mono ? 'mono' : undefined} title={value}>
      {value === '' ? '""' : value}
    </span>
  );
}

/** The row number first (it tells rows of one file apart), then the file; the whole id is in the tooltip. */
export function IdCell({ id }: { id: string }) {
  const hash = id.lastIndexOf('#');
  const file = id.slice(id.lastIndexOf('/', hash) + 1, hash < 0 ? undefined : hash);
  return (
    <span className="mono" title={id}>
      {hash >= 0 && <span className="browse-id-row">#{id.slice(hash + 1)}</span>}
      <span className="browse-id-file">{file}</span>
    </span>
  );
}

export function NumberCell({ value, tone }: { value: number | null | undefined; tone?: 'add' | 'del' }) {
  if (value === null || value === undefined) return MISSING;
  return <span className={tone ? `browse-num browse-${tone}` : 'browse-num'}>{formatCount(value)}</span>;
}

/** Token counts: "≈" and a muted tone while the len/4 estimate stands in for the exact count. */
export function TokenCell({ value, row }: { value: number | null | undefined; row: RowView }) {
  if (value === null || value === undefined) return MISSING;
  if (row.tokensExact) return <span className="browse-num">{formatCount(value)}</span>;
  return (
    <span className="browse-num browse-estimate" title="Estimate (characters / 4); the exact cl100k_base count is still being computed">
      ≈ {formatCount(value)}
    </span>
  );
}

export function DurationCell({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return MISSING;
  return <span className="browse-num">{formatSeconds(value)}</span>;
}

export function OutcomeBadge({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined) return MISSING;
  const tone = value === 'resolved' ? 'ok' : value === 'unresolved' ? 'bad' : 'neutral';
  return <span className={`browse-badge browse-badge-${tone}`}>{value}</span>;
}

/** The most frequent names of a count map, "bash 12 · think 3". */
export function CountsCell({ value }: { value: CountEntry[] | undefined }) {
  if (!value || value.length === 0) return MISSING;
  const text = value.map(([name, count]) => `${name || '(none)'} ${formatCount(count)}`).join(' · ');
  return (
    <span title={text}>
      {value.map(([name, count]) => (
        <span key={name} className="browse-chip">
          <span className="browse-chip-name">{name || '(none)'}</span>
          <span className="browse-chip-count">{formatCount(count)}</span>
        </span>
      ))}
    </span>
  );
}

/** A raw dataset column: numbers formatted (exact value in the tooltip), text as text, a cut value marked as such. */
export function ExtraCell({ value }: { value: ExtraCellValue | undefined }) {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') {
    return (
      <span className="browse-num" title={String(value)}>
        {Number.isInteger(value) ? formatCount(value) : value.toLocaleString(undefined, { maximumSignificantDigits: 6 })}
      </span>
    );
  }
  if (!isClipped(value)) return <TextCell value={value} />;
  return (
    <span className="browse-clipped" title={`${value}\n(first ${MAX_EXTRA_TEXT} characters; open the row for the whole value)`}>
      {value}
      <span className="visually-hidden"> (cut)</span>
    </span>
  );
}
