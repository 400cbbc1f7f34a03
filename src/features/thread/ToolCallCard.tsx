import { memo } from 'react';
import type { ThreadItem } from './model/threadModel';
import { rendererFor } from './tools/toolRenderers';
import { CopyButton } from './CopyButton';
import { ExitBadge } from './ExitBadge';
import { commandOf } from './model/callArgs';

export interface ToolCallCardProps {
  callIndex: number;
  item: ThreadItem;
  /** The thread, to label this call's outputs with their exit codes. */
  items: readonly ThreadItem[];
  onJump(message: number): void;
}

/** One tool call, shown by its tool's renderer, with links to the outputs that answer it. */
export const ToolCallCard = memo(function ToolCallCard({ callIndex, item, items, onJump }: ToolCallCardProps) {
  const entry = item.calls[callIndex];
  if (!entry) return null;
  const renderer = rendererFor(entry.call.name);
  return (
    <section className={`call-card call-${renderer.kind}`} aria-label={`Tool call ${entry.call.name}`} data-tool={entry.call.name} data-renderer={renderer.kind}>
      <header className="call-head">
        <span className="call-name">{entry.call.name}</span>
        {entry.call.fromText ? <span className="call-origin" title="Parsed from the message text">from text</span> : null}
        <span className="th-spacer" />
        <CopyButton text={() => commandOf(entry.call) ?? JSON.stringify(entry.call.arguments, null, 2)} label={`Copy the ${entry.call.name} ${commandOf(entry.call) === undefined ? 'arguments' : 'command'}`} />
        {entry.outputs.length === 0 ? <span className="call-no-output">no output</span> : null}
        {entry.outputs.map((o) => (
          <button key={o} type="button" className="call-output-link" onClick={() => onJump(o)} aria-label={`Go to its output, message ${o}`}>
            output #{o} <span aria-hidden="true">↓</span>
            <ExitBadge info={items[o]?.observation} />
          </button>
        ))}
      </header>
      <div className="call-body" data-find-seg={`call:${callIndex}`}>
        <renderer.Body call={entry.call} />
      </div>
    </section>
  );
});
