import { useState, type ChangeEvent, type DragEvent } from 'react';
import { ACCEPT_ATTRIBUTE } from '../../core/acceptedFiles';
import type { LocalFile } from '../../../workers/datasetsApi';
import { droppedFiles, localLabel, pickedFiles } from './localFiles';

interface Props {
  onFiles(label: string, files: LocalFile[]): void;
  onNothing(message: string): void;
}

/** Adds local files or a whole folder (its trajectory files) to the library: picked or dropped here. */
export function LocalImport({ onFiles, onNothing }: Props) {
  const [over, setOver] = useState(false);
  const take = (files: LocalFile[]) => {
    if (files.length) onFiles(localLabel(files), files);
    else onNothing('No trajectory files there: the library takes .parquet, .jsonl, .json, .gz, .traj and .traj.json files.');
  };
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const files = pickedFiles(e.currentTarget.files);
    e.currentTarget.value = '';
    take(files);
  };
  const drop = (e: DragEvent) => {
    // Ours, not the page's quick look.
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    void droppedFiles(e.dataTransfer).then(take);
  };
  return (
    <div
      className={`local-import${over ? ' is-over' : ''}`}
      role="group"
      aria-label="Add local files to the library"
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <span className="muted small">Keep local files in the library: drop files or a folder here, or</span>
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
