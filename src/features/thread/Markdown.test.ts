// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let unmount: () => void;

function render(text: string): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(createElement(Markdown, { text })));
  unmount = () => act(() => root.unmount());
  return container;
}

afterEach(() => {
  unmount();
  container.remove();
});

describe('Markdown of untrusted text', () => {
  it('shows raw HTML as text, never as elements', () => {
    const el = render('Hi <script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n<details open>\nline one\nline two\n</details>\n\n<issue_description> is not a tag name');
    expect([...el.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).filter((t) => ['script', 'img', 'details', 'issue_description'].includes(t))).toEqual([]);
    expect(el.textContent).toContain('<script>alert(1)</script>');
    expect(el.textContent).toContain('<img src="x.png" onerror="alert(2)">');
    expect([...el.querySelectorAll('.md-raw')].map((p) => p.textContent)).toContain('<details open>\nline one\nline two\n</details>');
    expect(el.textContent).toContain('<issue_description> is not a tag name');
  });

  it('neutralises script and data links and keeps web links', () => {
    const el = render('[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) [d](https://example.com) <javascript:alert(3)>');
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.com']);
    expect(el.querySelector('a')?.getAttribute('rel')).toContain('noopener');
    expect([...el.querySelectorAll('.md-link-blocked')].map((s) => s.textContent)).toEqual(['a', 'b', 'c', 'javascript:alert(3)']);
  });

  it('never loads images: shows their description and address as text', () => {
    const el = render('![a cat](https://example.com/cat.png)');
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.md-image')?.textContent).toContain('a cat');
    expect(el.querySelector('.md-image')?.textContent).toContain('https://example.com/cat.png');
  });

  it('highlights fenced code by its language', () => {
    const el = render('```python\ndef f():\n    return 1\n```');
    const pre = el.querySelector('pre.code-hl');
    expect(pre?.getAttribute('data-language')).toBe('python');
    expect(pre?.querySelector('.token.keyword')?.textContent).toBe('def');
    expect(pre?.textContent).toBe('def f():\n    return 1');
  });

  it('renders GFM tables and task lists', () => {
    const el = render('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done');
    expect(el.querySelectorAll('td')).toHaveLength(2);
    expect(el.querySelector('input[type=checkbox]')).not.toBeNull();
  });
});
