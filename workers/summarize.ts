/**
 * Reads one file with the core and condenses it into what the first view shows. Pure apart from
 * the clock: it runs inside the ingest worker and, unchanged, in Node tests.
 */
import type { ByteSource } from '../src/core/decode/types';
import { withTokens } from '../src/core/features';
import { readTrajectories, type Processed } from '../src/core/pipeline';
import { countTokens } from '../src/core/tokens';
import { LOCAL_SOURCE, MAX_ERRORS, PREVIEW_ROWS, type FileSummary, type OpenOptions, type PreviewRow, type Progress } from './api';

export interface SummarizeOptions extends OpenOptions {
  /** Row id prefix; `local` for files the user opened. */
  source?: string;
  /** Minimum time between two progress reports. */
  progressEveryMs?: number;
}

export async function summarizeFile(source: ByteSource, opts: SummarizeOptions = {}, onProgress?: (p: Progress) => void): Promise<FileSummary> {
  const started = now();
  const summary: FileSummary = { name: source.name, size: source.size, rowCount: 0, errorCount: 0, errors: [], preview: [], elapsedMs: 0 };
  let lastReport = -Infinity;
  const report = (force: boolean) => {
    if (!onProgress) return;
    const t = now();
    if (!force && t - lastReport < (opts.progressEveryMs ?? 100)) return;
    lastReport = t;
    const p: Progress = { rows: summary.rowCount + summary.errorCount, errors: summary.errorCount };
    if (summary.detection) p.detection = summary.detection;
    onProgress(p);
  };
  try {
    const readOpts: Parameters<typeof readTrajectories>[1] = { source: opts.source ?? LOCAL_SOURCE, exactTokens: false };
    if (opts.format) readOpts.format = opts.format;
    for await (const batch of readTrajectories(source, readOpts)) {
      const first = !summary.detection;
      summary.detection ??= batch.detection;
      for (const item of batch.items) {
        if (summary.preview.length < PREVIEW_ROWS) summary.preview.push(previewRow(item));
      }
      summary.rowCount += batch.items.length;
      summary.errorCount += batch.errors.length;
      for (const e of batch.errors) if (summary.errors.length < MAX_ERRORS) summary.errors.push(e);
      report(first);
    }
  } catch (e) {
    summary.fatal = fatalMessage(source.name, e);
  }
  summary.errors.sort((a, b) => a.row - b.row);
  summary.elapsedMs = Math.round(now() - started);
  return summary;
}

/** Preview rows get exact token counts; the rest of the file keeps the cheap estimate for now. */
function previewRow({ row: index, trajectory: t, features }: Processed): PreviewRow {
  const f = withTokens(features, countTokens(t.messages));
  const row: PreviewRow = {
    id: t.id,
    row: index,
    outcome: t.outcome,
    nMessages: f.nMessages,
    tokens: f.tokens,
    tokensExact: f.tokensExact,
  };
  if (t.instanceId !== undefined) row.instanceId = t.instanceId;
  return row;
}

/** The message always names the file, whatever threw. */
export function fatalMessage(file: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.includes(file) ? message : `${file}: ${message}`;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
