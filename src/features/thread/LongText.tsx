import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { lineAt, previewOf, splitLines, type Lines } from './model/displayLines';
import { plural, shortCount } from './format';

/** What a collapsed output shows. */
const PREVIEW_LINES = 30;
const PREVIEW_CHARS = 3000;
/** Longer lines render in pieces of this many characters (one 10 MB line must not be one text node). */
const PIECE = 2000;
/** Up to this many lines "show all" renders every line; beyond, only the lines in view. */
const PLAIN_LINES = 800;

export interface LongTextProps {
  text: string;
  /** Find-in-thread segment key of this text. */
  segment: string;
  full: boolean;
  onFullChange(full: boolean): void;
  /** Offset of the current find match in `text`: shown in full if needed and scrolled to. */
  reveal?: number | undefined;
  /** Colour lines as a diff (+, -, @@). */
  diff?: boolean;
  label: string;
}

/**
 * Plain text that may be huge (observations): a preview of its first lines, and on request all of
 * it, rendered as a window of lines when long. Every line element carries its offset in `text`, so
 * find can map a match to the page.
 */
export const LongText = memo(function LongText({ text, segment, full, onFullChange, reveal, diff = false, label }: LongTextProps) {
  const preview = useMemo(() => previewOf(text, PREVIEW_LINES, PREVIEW_CHARS, PIECE), [text]);
  const lines = useMemo(() => (full ? splitLines(text, PIECE) : splitLines(text.slice(0, preview.end), PIECE)), [text, full, preview.end]);
  useEffect(() => {
    if (reveal !== undefined && !full && preview.truncated && reveal >= preview.end) onFullChange(true);
  }, [reveal, full, preview, onFullChange]);
  if (text === '') return <p className="lt-empty">(no output)</p>;
  const windowed = full && lines.starts.length > PLAIN_LINES;
  return (
    <div className="lt">
      {windowed ? (
        <WindowedLines text={text} lines={lines} segment={segment} diff={diff} reveal={reveal} label={label} />
      ) : (
        <div className="lt-lines" data-find-seg={segment} role="region" aria-label={label}>
          {lines.starts.map((start, i) => (
            <Line key={i} text={text} start={start} end={lines.ends[i] as number} diff={diff} />
          ))}
        </div>
      )}
      {preview.truncated ? <Toggle text={text} preview={preview.lines} previewChars={preview.end} full={full} onFullChange={onFullChange} /> : null}
    </div>
  );
});

/** "First 30 lines of 76.4K · 10.5M characters"; for one huge line, the characters shown. */
function previewNote(lines: number, total: number, chars: number, length: number): string {
  if (total < lines || total === 1) return `First ${shortCount(chars)} of ${shortCount(length)} characters · ${plural(total, 'line')}`;
  return `First ${plural(lines, 'line')} of ${shortCount(total)} · ${shortCount(length)} characters`;
}

function Toggle({ text, preview, previewChars, full, onFullChange }: { text: string; preview: number; previewChars: number; full: boolean; onFullChange(full: boolean): void }) {
  const total = useMemo(() => countLines(text), [text]);
  return (
    <div className="lt-more">
      <span className="lt-more-info">{full ? `All ${plural(total, 'line')} · ${shortCount(text.length)} characters` : previewNote(preview, total, previewChars, text.length)}</span>
      <button type="button" className="th-button th-button-small" onClick={() => onFullChange(!full)} aria-expanded={full}>
        {full ? 'Show less' : 'Show all'}
      </button>
    </div>
  );
}

function countLines(text: string): number {
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

function lineClass(line: string): string {
  if (line.startsWith('diff --git') || line.startsWith('+++ ') || line.startsWith('--- ')) return ' lt-file';
  if (line.startsWith('@@')) return ' lt-hunk';
  if (line.startsWith('+')) return ' lt-add';
  if (line.startsWith('-')) return ' lt-del';
  return '';
}

/** A piece of a line cut for length (not after a newline) is marked as continuing the one above. */
function Line({ text, start, end, diff }: { text: string; start: number; end: number; diff: boolean }) {
  const line = text.slice(start, end);
  const continues = start > 0 && text.charCodeAt(start - 1) !== 10;
  return (
    <div className={`lt-line${diff ? lineClass(line) : ''}${continues ? ' lt-cont' : ''}`} data-offset={start}>
      {line === '' ? '\u200b' : line}
    </div>
  );
}

function WindowedLines({ text, lines, segment, diff, reveal, label }: { text: string; lines: Lines; segment: string; diff: boolean; reveal: number | undefined; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lines.starts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 19,
    overscan: 20,
  });
  useEffect(() => {
    if (reveal !== undefined) virtualizer.scrollToIndex(lineAt(lines, reveal), { align: 'center' });
  }, [reveal, lines, virtualizer]);
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scroller} className="lt-window" data-find-seg={segment} role="region" aria-label={`${label} (${plural(lines.starts.length, 'line')}, scrollable)`} tabIndex={0}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        <div className="lt-lines" style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((v) => (
            <div key={v.key} data-index={v.index} ref={virtualizer.measureElement}>
              <Line text={text} start={lines.starts[v.index] as number} end={lines.ends[v.index] as number} diff={diff} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
