import { describe, expect, it } from 'vitest';
import type { Message } from '../../../core/types';
import { goldenTrajectory } from '../../../../tests/goldenTrajectories';
import { buildThread } from './threadModel';

/** For each observation: the call it was paired with, as "message:call". */
function pairing(messages: Message[]): Record<number, string> {
  const out: Record<number, string> = {};
  for (const item of buildThread({ messages })) {
    if (item.kind === 'observation') out[item.index] = item.observation?.source ? `${item.observation.source.message}:${item.observation.source.call}` : 'none';
  }
  return out;
}

const call = (name: string, id?: string) => ({ name, arguments: { command: name }, ...(id ? { id } : {}) });

describe('observation pairing', () => {
  it('pairs tool messages by toolCallId, even out of order', () => {
    const messages: Message[] = [
      { role: 'user', content: 'task' },
      { role: 'assistant', content: '', toolCalls: [call('a', 'x'), call('b', 'y')] },
      { role: 'tool', content: 'out b', toolCallId: 'y' },
      { role: 'tool', content: 'out a', toolCallId: 'x' },
    ];
    expect(pairing(messages)).toEqual({ 2: '1:1', 3: '1:0' });
  });

  it('pairs tool messages without ids by order, across turns', () => {
    const messages: Message[] = [
      { role: 'user', content: 'task' },
      { role: 'assistant', content: '', toolCalls: [call('a'), call('b')] },
      { role: 'tool', content: 'out a' },
      { role: 'tool', content: 'out b' },
      { role: 'assistant', content: '', toolCalls: [call('c')] },
      { role: 'tool', content: 'out c' },
    ];
    expect(pairing(messages)).toEqual({ 2: '1:0', 3: '1:1', 5: '4:0' });
  });

  it('reads text-format user messages after an action as its observation, the task statement never', () => {
    const messages: Message[] = [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'Observation: looks like one, but it is the task' },
      { role: 'assistant', content: 'THOUGHT: look\n```bash\nls\n```', toolCalls: [{ name: 'bash', arguments: { command: 'ls' }, fromText: 'fence' }] },
      { role: 'user', content: 'a.txt' },
      { role: 'assistant', content: 'no action this time' },
      { role: 'user', content: 'Please always provide exactly one action.' },
    ];
    const items = buildThread({ messages });
    expect(items.map((i) => i.kind)).toEqual(['system', 'task', 'assistant', 'observation', 'assistant', 'user']);
    expect(pairing(messages)).toEqual({ 3: '2:0' });
  });

  it('does not let an unanswered text action steal the next turn\'s observation', () => {
    const bash = (command: string) => ({ name: 'bash', arguments: { command }, fromText: 'fence' as const });
    const messages: Message[] = [
      { role: 'user', content: 'task' },
      { role: 'assistant', content: 'two fences', toolCalls: [bash('ls'), bash('pwd')] },
      { role: 'user', content: 'Please provide exactly one action.' },
      { role: 'assistant', content: 'one', toolCalls: [bash('cat a')] },
      { role: 'user', content: '<returncode>0</returncode><output>hi</output>' },
    ];
    expect(pairing(messages)).toEqual({ 2: '1:0', 4: '3:0' });
  });

  it('pairs every observation of real records with the call that produced it', async () => {
    for (const input of ['open-swe-traces.openhands.parquet', 'nebius-swe-rebench-openhands.parquet', 'mini-coder.parquet', 'swe-zero.jsonl', 'nebius-swe-agent.parquet', 'swe-smith.xml.parquet', 'openhands.output.jsonl']) {
      const { trajectory } = await goldenTrajectory(input);
      const items = buildThread(trajectory);
      const observations = items.filter((i) => i.kind === 'observation');
      expect(observations.length, input).toBeGreaterThan(3);
      for (const obs of observations) {
        const source = obs.observation?.source;
        expect(source, `${input} message ${obs.index}`).toBeDefined();
        // Every harness here answers each call right after it.
        let previous = obs.index - 1;
        while (items[previous]?.kind === 'observation') previous--;
        expect(source?.message, `${input} message ${obs.index}`).toBe(previous);
        expect(items[previous]?.calls[source?.call ?? -1]?.outputs, input).toContain(obs.index);
      }
    }
  });
});
