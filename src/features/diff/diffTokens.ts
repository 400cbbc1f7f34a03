import { markEdits, tokenize, type HunkData, type HunkTokens } from 'react-diff-view';
import { highlightNodes } from '../../ui/highlight/prismNodes';

/** Files with more lines than this show without syntax highlighting: Prism plus word-level edit marks cost about 1 ms a line. */
const MAX_TOKENIZED_LINES = 600;

/** Syntax tokens (Prism, via a refractor-shaped adapter) plus word-level edit marks for a file's hunks. */
export function diffTokens(hunks: HunkData[], language: string | undefined): HunkTokens | null {
  const lines = hunks.reduce((n, h) => n + h.changes.length, 0);
  if (lines === 0 || lines > MAX_TOKENIZED_LINES) return null;
  try {
    const enhancers = [markEdits(hunks, { type: 'block' })];
    return language ? tokenize(hunks, { highlight: true, refractor: { highlight: highlightNodes }, language, enhancers }) : tokenize(hunks, { enhancers });
  } catch {
    // Tokens are decoration: a diff the tokenizer cannot follow still shows, as plain text.
    return null;
  }
}
