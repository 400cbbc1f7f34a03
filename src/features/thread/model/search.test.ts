import { describe, expect, it } from 'vitest';
import type { Message } from '../../../core/types';
import { findMatches, firstMatchFrom, segmentsOf } from './search';
import { buildThread } from './threadModel';

const messages: Message[] = [
  { role: 'system', content: 'You fix Bugs.' },
  { role: 'user', content: 'The bug: foo() crashes.' },
  { role: 'assistant', content: 'THOUGHT: find the bug\n```bash\ngrep -rn bug src\n```', reasoning: 'a bug, surely', toolCalls: [{ name: 'bash', arguments: { command: 'grep -rn bug src' }, fromText: 'fence' }] },
  { role: 'user', content: '<returncode>0</returncode>\n<output>\nsrc/a.py:1: bug bug\n</output>' },
];
const items = buildThread({ messages });

describe('find in thread', () => {
  it('searches what is displayed, segment by segment, in reading order', () => {
    expect(segmentsOf(items[2]!).map((s) => s.key)).toEqual(['reasoning', 'prose', 'call:0']);
    expect(segmentsOf(items[3]!)).toEqual([{ key: 'output', text: 'src/a.py:1: bug bug' }]);
    const { matches } = findMatches(items, 'bug');
    expect(matches.map((m) => `${m.message}/${m.segment}@${m.start}#${m.ordinal}`)).toEqual([
      '0/content@8#0',
      '1/content@4#0',
      '2/reasoning@2#0',
      '2/prose@9#0',
      '2/call:0@9#0',
      '3/output@12#0',
      '3/output@16#1',
    ]);
  });

  it('is case-insensitive unless asked', () => {
    expect(findMatches(items, 'BUGS').matches).toHaveLength(1);
    expect(findMatches(items, 'bugs', { caseSensitive: true }).matches).toHaveLength(0);
    expect(findMatches(items, 'Bugs', { caseSensitive: true }).matches).toHaveLength(1);
  });

  it('stops at the limit and says so', () => {
    const result = findMatches(items, 'bug', { limit: 3 });
    expect(result.matches).toHaveLength(3);
    expect(result.truncated).toBe(true);
    expect(findMatches(items, '').matches).toEqual([]);
  });

  it('finds a match in a 10 MB output quickly', () => {
    const big = buildThread({ messages: [{ role: 'user', content: 'task' }, { role: 'tool', content: `${'x'.repeat(10_000_000)}needle` }] });
    const t0 = performance.now();
    const { matches } = findMatches(big, 'NEEDLE');
    expect(matches).toEqual([{ message: 1, segment: 'output', start: 10_000_000, ordinal: 0 }]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('starts from where the reader is', () => {
    const { matches } = findMatches(items, 'bug');
    expect(firstMatchFrom(matches, 2)).toBe(2);
    expect(firstMatchFrom(matches, 9)).toBe(0);
  });
});
