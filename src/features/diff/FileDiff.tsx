import { memo, useMemo, useState } from 'react';
import { Decoration, Diff, Hunk, type FileData, type ViewType } from 'react-diff-view';
import { languageForPath } from '../../ui/highlight/languages';
import { diffTokens } from './diffTokens';
import { parseFile } from './parseFile';
import type { PatchFileText } from './patchFiles';
import { RenderGuard } from './RenderGuard';
import { useNearViewport } from './useNearViewport';

/** Files with more changed lines than this start collapsed. */
const LARGE_CHANGES = 400;
const NUMBER = new Intl.NumberFormat('en-US');

const TYPE_LABEL: Partial<Record<FileData['type'], string>> = { add: 'added', delete: 'deleted', rename: 'renamed', copy: 'copied' };

export interface FileDiffProps {
  file: PatchFileText;
  view: ViewType;
  /** Element id, for the file list's links. */
  id: string;
}

export const FileDiff = memo(function FileDiff({ file, view, id }: FileDiffProps) {
  const parsed = useMemo(() => parseFile(file.text), [file.text]);
  const large = file.add + file.del > LARGE_CHANGES;
  const [open, setOpen] = useState(!large);
  const [body, near] = useNearViewport<HTMLDivElement>();
  const type = parsed.ok ? TYPE_LABEL[parsed.file.type] : undefined;
  const renamed = parsed.ok && parsed.file.type === 'rename' ? parsed.file.oldPath : undefined;
  return (
    <section className="pv-file" id={id} aria-label={`Diff of ${file.path}`} data-path={file.path}>
      <header className="pv-file-head">
        <button type="button" className="pv-file-toggle" aria-expanded={open} aria-label={open ? `Collapse ${file.path}` : `Expand ${file.path}`} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
        <code className="pv-file-path">{renamed ? `${renamed} → ${file.path}` : file.path}</code>
        {type ? <span className={`pv-file-type pv-type-${type}`}>{type}</span> : null}
        <span className="pv-spacer" />
        <span className="pv-add">+{NUMBER.format(file.add)}</span>
        <span className="pv-del">−{NUMBER.format(file.del)}</span>
      </header>
      {!open ? (
        <p className="pv-collapsed">
          {large ? `Large diff: ${NUMBER.format(file.add + file.del)} changed lines. ` : null}
          <button type="button" className="pv-button pv-button-small" onClick={() => setOpen(true)}>
            Show diff
          </button>
        </p>
      ) : !near ? (
        <div ref={body} className="pv-pending" style={{ height: `${Math.min(2000, 20 + 18 * lineCount(file.text))}px` }} aria-busy="true" />
      ) : parsed.ok ? (
        <RenderGuard fallback={(e) => <RawFile text={file.text} why={`it could not be displayed (${e.message})`} />}>
          <FileHunks file={parsed.file} path={file.path} view={view} />
        </RenderGuard>
      ) : (
        <RawFile text={file.text} why={`it could not be parsed (${parsed.error})`} />
      )}
    </section>
  );
});

function lineCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

function FileHunks({ file, path, view }: { file: FileData; path: string; view: ViewType }) {
  const tokens = useMemo(() => diffTokens(file.hunks, languageForPath(path)), [file.hunks, path]);
  if (file.hunks.length === 0) return <p className="pv-collapsed">No content changes (a mode change, a rename or a binary file).</p>;
  return (
    <div className="pv-diff-wrap">
      <Diff viewType={view} diffType={file.type} hunks={file.hunks} tokens={tokens} className="pv-diff">
        {(hunks) =>
          hunks.flatMap((hunk) => [
            <Decoration key={`d${hunk.content}`} className="pv-hunk-head">
              {hunk.content}
            </Decoration>,
            <Hunk key={`h${hunk.content}`} hunk={hunk} />,
          ])
        }
      </Diff>
    </div>
  );
}

export function RawFile({ text, why }: { text: string; why: string }) {
  return (
    <div className="pv-raw">
      <p className="pv-note" role="note">
        Shown as plain text: {why}.
      </p>
      <pre className="pv-raw-text">{text}</pre>
    </div>
  );
}
