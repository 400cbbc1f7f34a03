import { useId, useMemo, useState } from 'react';
import { formatBytes, formatCount } from '../../core/display';
import { DEFAULT_SAMPLE_ROWS, type DatasetPlan, type IngestMode, type PlanSplit, type Selection } from '../../../workers/datasetsApi';

interface Props {
  plan: DatasetPlan;
  onLoad(selection: Selection[], mode: IngestMode): void;
  onCancel(): void;
}

const keyOf = (config: string, split: string) => `${config}\u0000${split}`;

function splitRows(split: PlanSplit): number | null {
  let total = 0;
  for (const f of split.files) {
    if (f.rows === null) return null;
    total += f.rows;
  }
  return total;
}

const splitBytes = (split: PlanSplit) => split.files.reduce((n, f) => n + f.size, 0);

/** The dataset's configs × splits × files, to choose what to load and how much of it. */
export function PlanPicker({ plan, onLoad, onCancel }: Props) {
  const id = useId();
  const all = useMemo(() => plan.configs.flatMap((c) => c.splits.map((s) => keyOf(c.name, s.name))), [plan]);
  const [chosen, setChosen] = useState(() => new Set(all));
  const [full, setFull] = useState(false);
  const [sampleRows, setSampleRows] = useState(DEFAULT_SAMPLE_ROWS);

  const toggle = (k: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  const selection: Selection[] = plan.configs.flatMap((c) => c.splits.filter((s) => chosen.has(keyOf(c.name, s.name))).map((s) => ({ config: c.name, split: s.name })));
  const chosenSplits = plan.configs.flatMap((c) => c.splits.filter((s) => chosen.has(keyOf(c.name, s.name))));
  const bytes = chosenSplits.reduce((n, s) => n + splitBytes(s), 0);
  const validSample = Number.isInteger(sampleRows) && sampleRows > 0;

  return (
    <section className="plan" aria-label={`${plan.repo} contents`}>
      <header className="plan-header">
        <div>
          <h2 className="mono">{plan.repo}</h2>
          <p className="muted small">
            {plan.via === 'url' ? (
              <>one file, read with range requests from {plan.endpoint}</>
            ) : (
              <>
                revision <code>{plan.revision}</code> at commit <code title={plan.commit}>{plan.commit.slice(0, 10)}</code> · configs from{' '}
                {plan.via === 'card' ? 'the dataset card' : plan.via === 'layout' ? 'the file layout' : 'the parquet conversion (refs/convert/parquet)'}
              </>
            )}
          </p>
        </div>
        <button className="button" type="button" onClick={onCancel}>
          Close
        </button>
      </header>
      {plan.warnings.length > 0 && (
        <ul className="plan-warnings" role="status">
          {plan.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <table className="plan-table">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all configs and splits"
                checked={chosen.size === all.length}
                onChange={(e) => setChosen(e.target.checked ? new Set(all) : new Set())}
              />
            </th>
            <th scope="col">Config</th>
            <th scope="col">Split</th>
            <th scope="col" className="num">Files</th>
            <th scope="col" className="num">Rows</th>
            <th scope="col" className="num">Size</th>
          </tr>
        </thead>
        <tbody>
          {plan.configs.flatMap((c) =>
            c.splits.map((s) => {
              const k = keyOf(c.name, s.name);
              const rows = splitRows(s);
              return (
                <tr key={k}>
                  <td>
                    <input type="checkbox" aria-label={`Load ${c.name} / ${s.name}`} checked={chosen.has(k)} onChange={() => toggle(k)} />
                  </td>
                  <td className="mono">{c.name}</td>
                  <td className="mono">{s.name}</td>
                  <td className="num">
                    <details>
                      <summary>{s.files.length}</summary>
                      <ul className="plan-files">
                        {s.files.map((f) => (
                          <li key={f.path}>
                            <span className="mono">{f.path}</span> <span className="muted">{formatBytes(f.size)}{f.rows !== null ? ` · ${formatCount(f.rows)} rows` : ''}</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                  <td className="num">{rows === null ? 'unknown' : formatCount(rows)}</td>
                  <td className="num">{formatBytes(splitBytes(s))}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      <form
        className="plan-load"
        onSubmit={(e) => {
          e.preventDefault();
          onLoad(selection, full ? { kind: 'full' } : { kind: 'sample', rows: sampleRows });
        }}
      >
        <fieldset>
          <legend className="visually-hidden">How much to load</legend>
          <label className="radio">
            <input type="radio" name={`${id}-mode`} checked={!full} onChange={() => setFull(false)} />
            Sample: the first{' '}
            <input
              className="sample-rows"
              type="number"
              min={1}
              value={Number.isFinite(sampleRows) ? sampleRows : ''}
              onChange={(e) => setSampleRows(e.target.valueAsNumber)}
              aria-label="Rows per config and split"
              disabled={full}
            />{' '}
            rows of each config × split
          </label>
          <label className="radio">
            <input type="radio" name={`${id}-mode`} checked={full} onChange={() => setFull(true)} />
            Everything ({formatBytes(bytes)} to download)
          </label>
        </fieldset>
        <button className="button button-primary" type="submit" disabled={selection.length === 0 || (!full && !validSample)}>
          Load {selection.length} of {all.length} {all.length === 1 ? 'split' : 'splits'}
        </button>
      </form>
    </section>
  );
}
