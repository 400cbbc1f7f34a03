import { LongText } from './LongText';
import { Markdown } from './Markdown';

/** Beyond this, markdown parsing would stall scrolling: such text shows as plain lines. */
const MARKDOWN_LIMIT = 40_000;

export interface ProseProps {
  text: string;
  segment: string;
  markdown: boolean;
  full: boolean;
  onFullChange(full: boolean): void;
  reveal?: number | undefined;
  label: string;
  className?: string;
}

/** Untrusted prose: markdown when asked and small enough, else plain text lines. */
export function Prose({ text, segment, markdown, full, onFullChange, reveal, label, className }: ProseProps) {
  if (markdown && text.length <= MARKDOWN_LIMIT) {
    return (
      <div className={`prose ${className ?? ''}`} data-find-seg={segment} aria-label={label}>
        <Markdown text={text} />
      </div>
    );
  }
  return (
    <div className={`prose prose-plain ${className ?? ''}`}>
      <LongText text={text} segment={segment} full={full} onFullChange={onFullChange} reveal={reveal} label={label} />
    </div>
  );
}
