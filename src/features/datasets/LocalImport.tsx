import type { ChangeEvent } from 'react';
import { ACCEPT_ATTRIBUTE, isAccepted } from '../../core/acceptedFiles';

interface Props {
  onFiles(label: string, files: File[]): void;
}

const relativePath = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;

/** A dropped or picked folder is named after itself; loose files after the first of them. */
export function localLabel(files: File[]): string {
  const top = relativePath(files[0] as File).split('/');
  if (top.length > 1) return top[0] as string;
  return files.length === 1 ? (files[0] as File).name : `${(files[0] as File).name} and ${files.length - 1} more`;
}

/** Adds local files or a whole folder (only its trajectory files) to the library. */
export function LocalImport({ onFiles }: Props) {
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.currentTarget.files ?? [])].filter((f) => isAccepted(f.name));
    e.currentTarget.value = '';
    if (files.length) onFiles(localLabel(files), files);
  };
  return (
    <div className="local-import" role="group" aria-label="Add local files to the library">
      <span className="muted small">Or keep local files in the library:</span>
      <label className="button">
        Add files…
        <input className="visually-hidden" type="file" multiple accept={ACCEPT_ATTRIBUTE} onChange={picked} aria-label="Add files to the library" />
      </label>
      <label className="button">
        Add a folder…
        <input
          className="visually-hidden"
          type="file"
          onChange={picked}
          aria-label="Add a folder to the library"
          ref={(el) => {
            // Not in React's typings: lets the picker choose a directory and returns its files.
            if (el) el.setAttribute('webkitdirectory', '');
          }}
        />
      </label>
    </div>
  );
}
