import path from 'node:path';
import { nodeFileSource } from '../src/core/decode/nodeSource';
import { readTrajectories, type Detection, type Processed } from '../src/core/pipeline';

export interface FileEvents {
  onDetected(file: string, detection: Detection): void;
  onItems(items: Processed[]): void | Promise<void>;
  /** A row or a whole file that could not be read: printed, counted, and the rest goes on. */
  onProblem(message: string): void;
}

/** Reads each file in turn; a broken file is reported and skipped, never fatal to the others. */
export async function readFiles(files: string[], opts: { format?: string; source?: string; exactTokens: boolean }, events: FileEvents): Promise<void> {
  for (const file of files) {
    try {
      const source = await nodeFileSource(file);
      let detected = false;
      const read = readTrajectories(source, {
        source: opts.source ?? (path.basename(path.dirname(path.resolve(file))) || 'local'),
        file: path.basename(file),
        exactTokens: opts.exactTokens,
        ...(opts.format ? { format: opts.format } : {}),
      });
      for await (const batch of read) {
        if (!detected) events.onDetected(file, batch.detection);
        detected = true;
        for (const e of batch.errors) events.onProblem(`${file}: row ${e.row}: ${e.message}`);
        await events.onItems(batch.items);
      }
      if (!detected) events.onProblem(`${file}: no rows`);
    } catch (e) {
      events.onProblem(problemText(file, e));
    }
  }
}

function problemText(file: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (isNodeError(e) && e.code === 'ENOENT') return `${file}: no such file`;
  if (isNodeError(e) && e.code === 'EISDIR') return `${file}: is a folder; pass the files inside it`;
  return message.startsWith(file) ? message : `${file}: ${message}`;
}

function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && 'code' in e;
}
