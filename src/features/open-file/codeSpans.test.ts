import { describe, expect, it } from 'vitest';
import { codeSpans, displayedText } from './codeSpans';

describe('codeSpans', () => {
  it('marks backticked names and fence markers as code', () => {
    expect(codeSpans('`exit_status` column and ```bash actions in `messages`')).toEqual([
      { code: true, text: 'exit_status' },
      { code: false, text: ' column and ' },
      { code: true, text: '```bash' },
      { code: false, text: ' actions in ' },
      { code: true, text: 'messages' },
    ]);
  });

  it('leaves plain text alone', () => {
    expect(codeSpans('chosen by the user')).toEqual([{ code: false, text: 'chosen by the user' }]);
    expect(codeSpans('')).toEqual([]);
    expect(displayedText('a `b` c')).toBe('a b c');
  });
});
