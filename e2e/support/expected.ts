/**
 * What the page must show for a fixture, computed from the file itself with the core in Node
 * (the same decode + normalize the worker runs), so the tests never hard-code fixture contents.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { blobSource } from '../../src/core/decode/blobSource';
import { readTrajectories, type Detection } from '../../src/core/pipeline';
import { countTokens } from '../../src/core/tokens';
import type { Outcome } from '../../src/core/types';
import { LOCAL_SOURCE, PREVIEW_ROWS } from '../../workers/api';

export interface ExpectedRow {
  id: string;
  instanceId: string | undefined;
  outcome: Outcome;
  nMessages: number;
  tokens: number;
}

export interface Expected {
  name: string;
  detection: Detection;
  rowCount: number;
  errorCount: number;
  firstErrors: { row: number; message: string }[];
  rows: ExpectedRow[];
}

/** `format` forces an adapter, as the page's "Read as" does. */
export async function expectedFor(file: string, format?: string): Promise<Expected> {
  const name = path.basename(file);
  const bytes = readFileSync(file);
  let detection: Detection | undefined;
  let rowCount = 0;
  let errorCount = 0;
  const firstErrors: Expected['firstErrors'] = [];
  const rows: ExpectedRow[] = [];
  const opts: Parameters<typeof readTrajectories>[1] = { source: LOCAL_SOURCE, exactTokens: false };
  if (format !== undefined) opts.format = format;
  for await (const batch of readTrajectories(blobSource(new Blob([bytes]), name), opts)) {
    detection ??= batch.detection;
    rowCount += batch.items.length;
    errorCount += batch.errors.length;
    firstErrors.push(...batch.errors);
    for (const { trajectory: t } of batch.items) {
      if (rows.length >= PREVIEW_ROWS) break;
      rows.push({ id: t.id, instanceId: t.instanceId, outcome: t.outcome, nMessages: t.messages.length, tokens: countTokens(t.messages).total });
    }
  }
  if (!detection) throw new Error(`${name}: no rows, so no format detected; choose a fixture with rows`);
  firstErrors.sort((a, b) => a.row - b.row);
  return { name, detection, rowCount, errorCount, firstErrors: firstErrors.slice(0, 10), rows };
}

/** The error the worker reports for a file the core cannot read at all. */
export async function fatalErrorFor(file: string): Promise<string> {
  const name = path.basename(file);
  try {
    for await (const batch of readTrajectories(blobSource(new Blob([readFileSync(file)]), name), { source: LOCAL_SOURCE, exactTokens: false })) void batch;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error(`${name} reads without a fatal error; it is not a broken fixture`);
}
