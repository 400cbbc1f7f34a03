import type { ChangeEvent } from 'react';
import { ACCEPT_ATTRIBUTE } from '../../core/acceptedFiles';

/** "Open files": a native file input dressed as a button, so it stays keyboard- and test-friendly. */
export function OpenFilesButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = ''; // picking the same file again still fires change
    if (files.length) onFiles(files);
  };
  return (
    <label className="button button-primary open-files">
      <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
        <path d="M3 5.5A1.5 1.5 0 0 1 4.5 4h3.6l1.6 1.8h5.8A1.5 1.5 0 0 1 17 7.3v7.2a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 14.5z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      </svg>
      Open files
      <input className="visually-hidden" type="file" multiple accept={ACCEPT_ATTRIBUTE} onChange={onChange} />
    </label>
  );
}
