import { memo, useCallback } from 'react';
import { CopyButton } from './CopyButton';
import { ExitBadge } from './ExitBadge';
import { plural } from './format';
import { LongText } from './LongText';
import type { Match } from './model/search';
import type { ItemKind, ThreadItem } from './model/threadModel';
import { Prose } from './Prose';
import { TokenCount } from './TokenCount';
import { ToolCallCard } from './ToolCallCard';
import { rendererFor } from './tools/toolRenderers';
import type { RowFlags } from './useRowFlags';

const LABEL: Record<ItemKind, string> = { system: 'System', task: 'Task', user: 'User', assistant: 'Assistant', observation: 'Output' };
/** The system prompt and the task statement are long and the same across a dataset: collapsed until asked. */
const OPEN_BY_DEFAULT: Record<Exclude<ItemKind, 'observation'>, boolean> = { system: false, task: false, user: true, assistant: true };

export interface MessageRowProps {
  item: ThreadItem;
  items: readonly ThreadItem[];
  selected: boolean;
  flags: RowFlags;
  markdown: boolean;
  /** Outputs are shown unless the reader collapsed them all. */
  outputsOpen: boolean;
  /** The current find match when it is in this message. */
  reveal: Match | undefined;
  onSelect(message: number): void;
  onJump(message: number): void;
}

/** Whether a message shows its body; `outputsOpen` is the thread-wide default for outputs. */
export function isOpen(flags: RowFlags, item: ThreadItem, outputsOpen: boolean): boolean {
  return flags.get(item.index, 'open', item.kind === 'observation' ? outputsOpen : OPEN_BY_DEFAULT[item.kind]);
}

export const MessageRow = memo(function MessageRow({ item, items, selected, flags, markdown, outputsOpen, reveal, onSelect, onJump }: MessageRowProps) {
  const i = item.index;
  const open = isOpen(flags, item, outputsOpen);
  const headingId = `msg-${i}-heading`;
  const error = item.observation?.error ?? false;
  return (
    <article
      className={`msg msg-${item.kind}${selected ? ' is-selected' : ''}${error ? ' is-error' : ''}${open ? '' : ' is-collapsed'}`}
      data-message-index={i}
      data-kind={item.kind}
      aria-labelledby={headingId}
      aria-posinset={i + 1}
      aria-setsize={items.length}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(i)}
    >
      <header className="msg-head">
        <h3 id={headingId} className="msg-role">
          <span className={`role-badge role-${item.kind}`}>{LABEL[item.kind]}</span>
          <span className="visually-hidden">, message {i}</span>
        </h3>
        {item.message.rawRole ? <span className="msg-chip" title="Role as the dataset wrote it">{item.message.rawRole}</span> : null}
        {item.kind === 'observation' ? <ObservationSource item={item} items={items} onJump={onJump} /> : null}
        {item.kind !== 'observation' && item.message.name ? <span className="msg-chip">{item.message.name}</span> : null}
        <span className="th-spacer" />
        {open ? <CopyButton text={() => (item.kind === 'observation' ? (item.observation?.output ?? '') : item.message.content)} label={`Copy the text of message ${i}`} /> : null}
        <TokenCount message={item.message} />
        <span className="msg-index" title={`messages[${i}]`}>
          #{i}
        </span>
        <button type="button" className="msg-toggle" aria-expanded={open} aria-label={open ? `Collapse message ${i}` : `Expand message ${i}`} onClick={(e) => {
          e.stopPropagation();
          flags.set(i, 'open', !open);
        }}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
      </header>
      <div className="msg-body">{open ? <Body item={item} items={items} flags={flags} markdown={markdown} reveal={reveal} onJump={onJump} /> : <Collapsed item={item} onOpen={() => flags.set(i, 'open', true)} />}</div>
    </article>
  );
});

function ObservationSource({ item, items, onJump }: { item: ThreadItem; items: readonly ThreadItem[]; onJump(message: number): void }) {
  const source = item.observation?.source;
  const call = source ? items[source.message]?.calls[source.call]?.call : undefined;
  return (
    <>
      {source && call ? (
        <button type="button" className="obs-source" onClick={(e) => {
          e.stopPropagation();
          onJump(source.message);
        }} aria-label={`Output of ${call.name} in message ${source.message}; go to the call`}>
          <span aria-hidden="true">↑</span> <span className="obs-source-tool">{call.name}</span>
          <span className="obs-source-summary">{rendererFor(call.name).summary(call)}</span>
          <span className="obs-source-index">#{source.message}</span>
        </button>
      ) : (
        <span className="obs-source obs-unpaired">no matching call</span>
      )}
      <ExitBadge info={item.observation} />
    </>
  );
}

function Collapsed({ item, onOpen }: { item: ThreadItem; onOpen(): void }) {
  const text = item.kind === 'observation' ? (item.observation?.output ?? '') : item.message.content;
  const lines = text === '' ? 0 : text.split('\n', 2000).length;
  return (
    <div className="msg-collapsed">
      <p className="msg-peek">{text.slice(0, 400)}</p>
      <button type="button" className="th-button th-button-small" onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}>
        Show {item.kind === 'system' ? 'system prompt' : item.kind === 'task' ? 'task' : item.kind === 'observation' ? 'output' : 'message'} ({lines >= 2000 ? '2,000+ lines' : plural(lines, 'line')})
      </button>
    </div>
  );
}

interface BodyProps {
  item: ThreadItem;
  items: readonly ThreadItem[];
  flags: RowFlags;
  markdown: boolean;
  reveal: Match | undefined;
  onJump(message: number): void;
}

function Body({ item, items, flags, markdown, reveal, onJump }: BodyProps) {
  const i = item.index;
  const fullOf = useCallback((segment: string) => (full: boolean) => flags.set(i, `full:${segment}`, full), [flags, i]);
  const revealIn = (segment: string) => (reveal?.segment === segment ? reveal.start : undefined);
  if (item.kind === 'observation') {
    return (
      <>
        <LongText text={item.observation?.output ?? ''} segment="output" full={flags.get(i, 'full:output', false)} onFullChange={fullOf('output')} reveal={revealIn('output')} diff={item.observation?.diff ?? false} label={`Output, message ${i}`} />
        {item.observation?.footer ? <p className="obs-footer">{item.observation.footer}</p> : null}
      </>
    );
  }
  if (item.kind !== 'assistant') {
    return <Prose text={item.message.content} segment="content" markdown={markdown} full={flags.get(i, 'full:content', false)} onFullChange={fullOf('content')} reveal={revealIn('content')} label={`Text of message ${i}`} />;
  }
  const reasoningOpen = flags.get(i, 'reasoning', false) || reveal?.segment === 'reasoning';
  return (
    <>
      {item.message.reasoning ? (
        <div className={`reasoning${reasoningOpen ? ' is-open' : ''}`}>
          <button type="button" className="reasoning-toggle" aria-expanded={reasoningOpen} onClick={(e) => {
            e.stopPropagation();
            flags.set(i, 'reasoning', !reasoningOpen);
          }}>
            <span aria-hidden="true">{reasoningOpen ? '▾' : '▸'}</span> Reasoning
            {reasoningOpen ? null : <span className="reasoning-peek">{item.message.reasoning.slice(0, 160)}</span>}
          </button>
          {reasoningOpen ? <Prose text={item.message.reasoning} segment="reasoning" markdown={markdown} full={flags.get(i, 'full:reasoning', false)} onFullChange={fullOf('reasoning')} reveal={revealIn('reasoning')} label={`Reasoning, message ${i}`} className="reasoning-text" /> : null}
        </div>
      ) : null}
      {item.prose ? (
        <div className={item.thought ? 'thought' : undefined}>
          {item.thought ? <span className="thought-label">Thought</span> : null}
          <Prose text={item.prose} segment="prose" markdown={markdown} full={flags.get(i, 'full:prose', false)} onFullChange={fullOf('prose')} reveal={revealIn('prose')} label={`Text of message ${i}`} />
        </div>
      ) : null}
      {item.calls.map((_, k) => (
        <ToolCallCard key={k} callIndex={k} item={item} items={items} onJump={onJump} />
      ))}
      {!item.prose && item.calls.length === 0 && !item.message.reasoning ? <p className="msg-empty">(empty message)</p> : null}
    </>
  );
}
