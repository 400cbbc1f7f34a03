import type { Message, ToolCall, Trajectory } from '../../../core/types';
import { splitActionText } from './actionText';
import { isEditCall } from './edits';
import { isErrorOutput, looksLikeDiff, readToolOutput, type ToolOutput } from './observationText';
import { observationIndices, pairObservations, type CallRef } from './pairing';

/** How a message reads in the thread: the system prompt and the task are collapsed by default. */
export type ItemKind = 'system' | 'task' | 'user' | 'assistant' | 'observation';

export interface CallItem {
  call: ToolCall;
  /** Observations (message indices) that answer this call. */
  outputs: number[];
}

export interface ObservationInfo extends ToolOutput {
  error: boolean;
  /** The output prints a diff: shown with +/- colouring. */
  diff: boolean;
  /** The call it answers, when one could be paired. */
  source?: CallRef;
}

export interface ThreadItem {
  index: number;
  message: Message;
  kind: ItemKind;
  /** Text shown as prose: for text-action formats, without the action markup. */
  prose: string;
  /** The prose is the agent's labelled reasoning (`THOUGHT:`). */
  thought: boolean;
  calls: CallItem[];
  observation?: ObservationInfo;
  /** A call in this message edits files. */
  edit: boolean;
}

export function buildThread(trajectory: Pick<Trajectory, 'messages'>): ThreadItem[] {
  const messages = trajectory.messages;
  const observations = observationIndices(messages);
  const pairs = pairObservations(messages, observations);
  const firstUser = messages.findIndex((m) => m.role === 'user');
  const items = messages.map((m, i) => itemOf(m, i, kindOf(m, i, firstUser, observations)));
  for (const [obs, ref] of pairs) {
    items[ref.message]?.calls[ref.call]?.outputs.push(obs);
    const info = items[obs]?.observation;
    if (info) info.source = ref;
  }
  return items;
}

function kindOf(m: Message, i: number, firstUser: number, observations: ReadonlySet<number>): ItemKind {
  if (observations.has(i)) return 'observation';
  if (m.role === 'system') return 'system';
  if (m.role === 'assistant') return 'assistant';
  return i === firstUser ? 'task' : 'user';
}

function itemOf(m: Message, index: number, kind: ItemKind): ThreadItem {
  const calls = (m.toolCalls ?? []).map((call) => ({ call, outputs: [] }));
  const split = kind === 'assistant' ? splitActionText(m.content, m.toolCalls ?? []) : { prose: m.content, thought: false };
  const item: ThreadItem = { index, message: m, kind, prose: split.prose, thought: split.thought, calls, edit: calls.some((c) => isEditCall(c.call)) };
  if (kind === 'observation') item.observation = observationOf(m);
  return item;
}

function observationOf(m: Message): ObservationInfo {
  const out = readToolOutput(m.content);
  return { ...out, error: m.name === 'error' || isErrorOutput(out), diff: looksLikeDiff(out.output) };
}
