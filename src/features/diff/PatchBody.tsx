import { useMemo } from 'react';
import type { ViewType } from 'react-diff-view';
import { FileDiff, RawFile } from './FileDiff';
import { splitPatch } from './patchFiles';

const NUMBER = new Intl.NumberFormat('en-US');

export interface PatchBodyProps {
  text: string;
  view: ViewType;
  /** Prefix of element ids, unique per body on the page. */
  idPrefix: string;
  label: string;
}

/** One patch: its totals, the list of files with their counts, then each file's diff. */
export function PatchBody({ text, view, idPrefix, label }: PatchBodyProps) {
  const split = useMemo(() => splitPatch(text), [text]);
  const preamble = split.preamble.trim();
  return (
    <div className="pv-body">
      <p className="pv-totals" aria-label={`${label} totals`}>
        <strong>{NUMBER.format(split.files.length)}</strong> {split.files.length === 1 ? 'file' : 'files'} changed,{' '}
        <span className="pv-add" data-testid="patch-add">
          +{NUMBER.format(split.add)}
        </span>{' '}
        <span className="pv-del" data-testid="patch-del">
          −{NUMBER.format(split.del)}
        </span>
      </p>
      {split.files.length === 0 ? (
        <RawFile text={text} why="no file headers (`diff --git` or `---` / `+++`) were found in it" />
      ) : (
        <>
          <div className="pv-files-wrap">
            <table className="pv-files" aria-label={`Files in the ${label.toLowerCase()}`}>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col" className="pv-num">
                    Added
                  </th>
                  <th scope="col" className="pv-num">
                    Removed
                  </th>
                  <th scope="col" aria-label="Share of changes" />
                </tr>
              </thead>
              <tbody>
                {split.files.map((f, i) => (
                  <tr key={i} data-path={f.path}>
                    <td>
                      <a href={`#${idPrefix}-${i}`} className="pv-file-link" onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(`${idPrefix}-${i}`)?.scrollIntoView({ block: 'start' });
                      }}>
                        {f.path}
                      </a>
                    </td>
                    <td className="pv-num pv-add">+{NUMBER.format(f.add)}</td>
                    <td className="pv-num pv-del">−{NUMBER.format(f.del)}</td>
                    <td>
                      <ChangeBar add={f.add} del={f.del} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preamble ? (
            <details className="pv-preamble">
              <summary>Text before the first file</summary>
              <pre className="pv-raw-text">{preamble}</pre>
            </details>
          ) : null}
          {split.files.map((f, i) => (
            <FileDiff key={`${i}:${f.path}`} file={f} view={view} id={`${idPrefix}-${i}`} />
          ))}
        </>
      )}
    </div>
  );
}

/** Five squares, green for the added share, red for the removed, like a diffstat. */
function ChangeBar({ add, del }: { add: number; del: number }) {
  const total = add + del;
  const green = total === 0 ? 0 : Math.round((add / total) * 5);
  return (
    <span className="pv-bar" aria-hidden="true">
      {Array.from({ length: 5 }, (_, i) => (
        <span key={i} className={total === 0 ? 'pv-bar-none' : i < green ? 'pv-bar-add' : 'pv-bar-del'} />
      ))}
    </span>
  );
}
