import { countTokens as referenceCount, decode, encodeGenerator } from 'gpt-tokenizer/encoding/cl100k_base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTokens, estimateTokens } from './tokens';
import type { Message } from './types';

const msg = (role: Message['role'], content: string): Message => ({ role, content });

describe('countTokens', () => {
  it('equals cl100k_base over the texts joined by newlines', () => {
    const messages = [msg('system', 'You are helpful.'), msg('user', 'Fix the bug in foo.py\n'), msg('assistant', 'THOUGHT: ok\n\n```bash\nls\n```'), msg('user', '')];
    const counts = countTokens(messages);
    expect(counts.total).toBe(referenceCount(messages.map((m) => m.content).join('\n')));
    expect(counts.perMessage.reduce((a, b) => a + b, 0)).toBe(counts.total);
    expect(counts.byRole.system + counts.byRole.user + counts.byRole.assistant + counts.byRole.tool).toBe(counts.total);
  });

  it('counts special-token text as text instead of throwing', () => {
    const counts = countTokens([msg('user', 'ends with <|endoftext|> and <|im_start|>')]);
    expect(counts.total).toBeGreaterThan(5);
  });

  it('matches the reference on arbitrary unicode text, split anywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 6 }), (texts) => {
        const counts = countTokens(texts.map((t) => msg('user', t)));
        expect(counts.total).toBe(texts.length === 0 ? 0 : referenceCount(texts.join('\n')));
        expect(counts.perMessage.length).toBe(texts.length);
      }),
      { numRuns: 200 },
    );
  });

  it('attributes every piece to the message where it starts, as one pass over the joined text does', () => {
    // Newlines, spaces, tabs, punctuation, digits and letters next to message starts are where the
    // span-wise count could part from the piece-by-piece one.
    const text = fc.string({ unit: fc.constantFrom('\n', '\n', ' ', ' ', '\t', '\r', '.', ':', "'s", '12', 'a', 'Z', 'é', '日本', '<|endoftext|>', '```'), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (texts) => {
        const messages = texts.map((t, i) => msg(i % 2 ? 'assistant' : 'tool', t));
        expect(countTokens(messages).perMessage).toEqual(piecewise(texts));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts the same whatever was counted before (the tokenizer cache is reset per call)', () => {
    const later = [msg('user', 'def parse_args(argv):\n    return argv[1:]  # sha256:0f3a9c'), msg('tool', 'OBSERVATION:\nok')];
    const fresh = countTokens(later);
    const filler = Array.from({ length: 30_000 }, (_, i) => `tok${i.toString(36)}x${(i * 7919).toString(16)}`).join(' ');
    expect(countTokens([msg('tool', filler)]).total).toBe(referenceCount(filler));
    expect(countTokens(later)).toEqual(fresh);
    expect(fresh.total).toBe(referenceCount(later.map((m) => m.content).join('\n')));
  });

  it('estimates like the notebook: max(1, chars / 4)', () => {
    expect(estimateTokens([msg('user', '')])).toBe(1);
    expect(estimateTokens([msg('user', 'abcdefgh'), msg('assistant', 'abc')])).toBe(3);
  });
});

/** The definition: one pass over the joined text, each piece credited to the message where it starts. */
function piecewise(texts: string[]): number[] {
  const perMessage = texts.map(() => 0);
  const ends: number[] = [];
  texts.reduce((end, t) => (ends.push(end + t.length + 1), end + t.length + 1), 0);
  let offset = 0;
  let owner = 0;
  for (const piece of encodeGenerator(texts.join('\n'), { disallowedSpecial: new Set<string>() })) {
    while (owner < ends.length - 1 && offset >= (ends[owner] ?? 0)) owner++;
    perMessage[owner] = (perMessage[owner] ?? 0) + piece.length;
    offset += decode(piece).length;
  }
  return perMessage;
}
