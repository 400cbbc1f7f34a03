// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../../../core/types';
import { rendererFor } from './toolRenderers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function renderCall(call: ToolCall): HTMLElement {
  const el = document.createElement('div');
  const root = createRoot(el);
  const { Body } = rendererFor(call.name);
  act(() => root.render(createElement(Body, { call })));
  return el;
}

describe('tool renderers', () => {
  it('picks one renderer per tool, JSON for the rest (any name, even a prototype key)', () => {
    const expected: [string, string][] = [
      ['bash', 'shell'], ['execute_bash', 'shell'], ['run', 'shell'], ['Bash', 'shell'], ['str_replace_editor', 'editor'], ['file_editor', 'editor'],
      ['think', 'think'], ['finish', 'finish'], ['submit', 'finish'], ['open', 'swe-agent'], ['edit', 'swe-agent'], ['execute_ipython_cell', 'python'],
      ['browser', 'json'], ['constructor', 'json'], ['__proto__', 'json'], ['hasOwnProperty', 'json'],
    ];
    expect(expected.map(([name]) => [name, rendererFor(name).kind])).toEqual(expected);
  });

  it('highlights a shell command as bash', () => {
    const el = renderCall({ name: 'execute_bash', arguments: { command: 'grep -rn "x" src | head -5', is_input: false } });
    const pre = el.querySelector('pre');
    expect(pre?.getAttribute('data-language')).toBe('bash');
    expect(pre?.textContent).toBe('grep -rn "x" src | head -5');
    expect(pre?.querySelector('.token.string')?.textContent).toBe('"x"');
    expect(el.querySelector('.call-args')).toBeNull();
  });

  it('shows a str_replace as path and a small old → new diff', () => {
    const el = renderCall({ name: 'str_replace_editor', arguments: { command: 'str_replace', path: '/r/a.py', old_str: 'x = 1\ny = 2', new_str: 'x = 1\ny = 3' } });
    expect(el.querySelector('.editor-path')?.textContent).toBe('/r/a.py');
    expect([...el.querySelectorAll('.mini-diff-line')].map((l) => l.className.replace('mini-diff-line mini-diff-', '') + ':' + l.querySelector('.mini-diff-text')?.textContent)).toEqual(['same:x = 1', 'del:y = 2', 'add:y = 3']);
  });

  it('shows a created file highlighted by its extension, and a view with its line range', () => {
    const created = renderCall({ name: 'str_replace_editor', arguments: { command: 'create', path: '/r/a.ts', file_text: 'const a: number = 1;' } });
    expect(created.querySelector('pre')?.getAttribute('data-language')).toBe('typescript');
    const viewed = renderCall({ name: 'str_replace_editor', arguments: { command: 'view', path: '/r/a.py', view_range: '[3, 9]' } });
    expect(viewed.querySelector('.editor-range')?.textContent).toBe('lines 3–9');
  });

  it('splits a SWE-agent edit into the command line and the text it writes', () => {
    const el = renderCall({ name: 'edit', arguments: { command: 'edit 40:41\n  x = 1\nend_of_edit' } });
    expect([...el.querySelectorAll('pre')].map((p) => p.textContent)).toEqual(['edit 40:41', '  x = 1']);
  });

  it('shows finish with its message and completion, unknown tools as JSON, bad JSON as text', () => {
    const finish = renderCall({ name: 'finish', arguments: { message: 'Done **now**', task_completed: 'true' } });
    expect(finish.querySelector('.finish-state')?.textContent).toBe('task completed: true');
    expect(finish.querySelector('strong')?.textContent).toBe('now');
    const unknown = renderCall({ name: 'browse', arguments: { url: 'https://x', n: 2 } });
    expect(JSON.parse(unknown.querySelector('pre')?.textContent ?? '')).toEqual({ url: 'https://x', n: 2 });
    const broken = renderCall({ name: 'browse', arguments: '{"url": oops' });
    expect(broken.querySelector('.call-note')?.textContent).toMatch(/not valid JSON/);
    expect(broken.querySelector('pre')?.textContent).toBe('{"url": oops');
  });
});
