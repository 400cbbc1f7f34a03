import { parseDiff, type FileData } from 'react-diff-view';

export type ParsedFile = { ok: true; file: FileData } | { ok: false; error: string };

/**
 * One file's diff as react-diff-view's structure. gitdiff-parser throws on some malformed hunks
 * and silently yields nothing on others: both come back as an error to show beside the raw text.
 */
export function parseFile(text: string): ParsedFile {
  try {
    const [file, ...rest] = parseDiff(text, { nearbySequences: 'zip' });
    if (!file || rest.length > 0) return { ok: false, error: 'the text does not read as one file diff' };
    const headers = text.split('\n').filter((l) => l.startsWith('@@')).length;
    if (file.hunks.length !== headers) return { ok: false, error: `${headers} hunk headers, ${file.hunks.length} readable hunks` };
    const damaged = file.hunks.find((h) => h.changes.length === 0);
    if (damaged) return { ok: false, error: `hunk ${damaged.content} has no lines` };
    return { ok: true, file };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
