import type { Message } from '../../../core/types';

/** A tool call: message index and position in that message's `toolCalls`. */
export interface CallRef {
  message: number;
  call: number;
}

/** Observation text formats mark their user messages (`Observation:`, `<returncode>`, R2E-Gym's exit line). */
const OBSERVATION_MARK = /^\s*(?:Observation:|OBSERVATION:|<returncode>-?\d+<\/returncode>|Exit code: -?\d+|Execution output of \[)/;

/**
 * Which messages are observations: every tool message, and in text formats a user message (after
 * the task statement) that answers an assistant action or carries an observation marker.
 */
export function observationIndices(messages: readonly Message[]): Set<number> {
  const firstUser = messages.findIndex((m) => m.role === 'user');
  const found = new Set<number>();
  let previous: Message | undefined;
  messages.forEach((m, i) => {
    if (m.role === 'tool') found.add(i);
    else if (m.role === 'user' && i !== firstUser && ((previous?.role === 'assistant' && (previous.toolCalls?.length ?? 0) > 0) || OBSERVATION_MARK.test(m.content))) found.add(i);
    if (m.role !== 'system') previous = m;
  });
  return found;
}

/**
 * Pairs each observation with the call that produced it: by `toolCallId` when it names a pending
 * call; otherwise a tool message takes the oldest unanswered call (harnesses answer calls in
 * order; some datasets drop the ids) and a text-format observation answers the latest assistant
 * turn's action. Returns observation index → call.
 */
export function pairObservations(messages: readonly Message[], observations: ReadonlySet<number>): Map<number, CallRef> {
  const pending: (CallRef & { id?: string })[] = [];
  const pairs = new Map<number, CallRef>();
  let lastAssistant = -1;
  messages.forEach((m, i) => {
    if (m.role === 'assistant') {
      lastAssistant = i;
      m.toolCalls?.forEach((c, k) => pending.push(c.id === undefined ? { message: i, call: k } : { message: i, call: k, id: c.id }));
    }
    if (!observations.has(i) || pending.length === 0) return;
    const taken = pending.splice(pendingIndex(pending, m, lastAssistant), 1)[0];
    if (taken) pairs.set(i, { message: taken.message, call: taken.call });
  });
  return pairs;
}

function pendingIndex(pending: readonly (CallRef & { id?: string })[], m: Message, lastAssistant: number): number {
  const byId = m.toolCallId === undefined ? -1 : pending.findIndex((p) => p.id === m.toolCallId);
  if (byId >= 0) return byId;
  if (m.role === 'tool') return 0;
  const latest = pending.findIndex((p) => p.message === lastAssistant);
  return latest >= 0 ? latest : 0;
}
