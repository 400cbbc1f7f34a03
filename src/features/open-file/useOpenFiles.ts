import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileSummary, FormatInfo, Progress } from '../../../workers/api';
import { ingestClient, type IngestClient } from '../../../workers/client';
import { isAccepted, unsupportedMessage } from '../../core/acceptedFiles';

export interface OpenedFile {
  key: number;
  file: File;
  status: 'reading' | 'done' | 'failed';
  /** Adapter forced by the user; undefined means detect. */
  format?: string;
  progress?: Progress;
  summary?: FileSummary;
  /** The file could not be read at all (unsupported type, worker failure). */
  error?: string;
}

export interface OpenFilesState {
  files: OpenedFile[];
  formats: FormatInfo[];
  open(files: Iterable<File>): void;
  /** Reads a file again, detecting (`undefined`) or with a forced adapter. */
  reread(key: number, format: string | undefined): void;
  remove(key: number): void;
}

/** Files the user opened and what the ingest worker made of them; newest last. */
export function useOpenFiles(client: () => IngestClient = ingestClient): OpenFilesState {
  const [files, setFiles] = useState<OpenedFile[]>([]);
  const [formats, setFormats] = useState<FormatInfo[]>([]);
  const nextKey = useRef(1);
  /** The latest read of each entry. */
  const reads = useRef(new Map<number, symbol>());
  const clientRef = useRef(client);
  clientRef.current = client;

  const update = useCallback((key: number, patch: (f: OpenedFile) => Partial<OpenedFile>) => {
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...patch(f) } : f)));
  }, []);

  const read = useCallback(
    (key: number, file: File, format: string | undefined) => {
      // A newer read of the same entry (a format change) wins over a slower older one.
      const token = Symbol(file.name);
      reads.current.set(key, token);
      const current = () => reads.current.get(key) === token;
      clientRef
        .current()
        .openFile(file, format ? { format } : {}, (progress) => {
          if (current()) update(key, () => ({ progress }));
        })
        .then(
          (summary) => current() && update(key, () => ({ status: 'done', summary })),
          (e: unknown) => current() && update(key, () => ({ status: 'failed', error: `${file.name}: ${e instanceof Error ? e.message : String(e)}` })),
        );
    },
    [update],
  );

  const open = useCallback(
    (incoming: Iterable<File>) => {
      const added: OpenedFile[] = [];
      for (const file of incoming) {
        const key = nextKey.current++;
        if (!isAccepted(file.name)) {
          added.push({ key, file, status: 'failed', error: unsupportedMessage(file.name) });
        } else {
          added.push({ key, file, status: 'reading' });
          read(key, file, undefined);
        }
      }
      if (added.length) setFiles((all) => [...all, ...added]);
    },
    [read],
  );

  const reread = useCallback(
    (key: number, format: string | undefined) => {
      const entry = files.find((f) => f.key === key);
      if (!entry) return;
      setFiles((all) =>
        all.map((f) => {
          if (f.key !== key) return f;
          const next: OpenedFile = { key: f.key, file: f.file, status: 'reading' };
          if (format !== undefined) next.format = format;
          return next;
        }),
      );
      read(key, entry.file, format);
    },
    [files, read],
  );

  const remove = useCallback((key: number) => {
    reads.current.delete(key);
    setFiles((all) => all.filter((f) => f.key !== key));
  }, []);

  useEffect(() => {
    let live = true;
    clientRef
      .current()
      .formats()
      .then((list) => live && setFormats(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return { files, formats, open, reread, remove };
}
