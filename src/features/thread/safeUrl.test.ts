import { describe, expect, it } from 'vitest';
import { safeHref } from './safeUrl';

describe('safeHref', () => {
  it('keeps http(s) and mailto links', () => {
    expect(safeHref('https://example.com/a?b#c')).toBe('https://example.com/a?b#c');
    expect(safeHref(' http://x.org ')).toBe('http://x.org');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
  });

  it('drops script, data and relative URLs, however they are disguised', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' java\tscript:alert(1)', 'java\nscript:x', '\u0001javascript:x', 'data:text/html,<script>', 'vbscript:x', '/relative', '#frag', '', undefined, null]) {
      expect(safeHref(url), String(url)).toBeUndefined();
    }
  });
});
