import { describe, expect, it } from 'vitest';
import { countTools } from './tools';
import type { Message } from './types';

const assistant = (content: string, toolCalls?: Message['toolCalls']): Message => ({ role: 'assistant', content, ...(toolCalls ? { toolCalls } : {}) });

describe('countTools', () => {
  it('counts structured calls by name and bash first words apart', () => {
    const counts = countTools([
      assistant('', [{ name: 'execute_bash', arguments: { command: 'cd /repo && grep -rn foo .' } }]),
      assistant('', [{ name: 'str_replace_editor', arguments: { command: 'view', path: '/a' } }]),
      assistant('', [{ name: 'bash', arguments: { command: 'FOO=1 /usr/bin/python x.py' } }]),
    ]);
    expect(counts).toEqual({ execute_bash: 1, 'bash:grep': 1, str_replace_editor: 1, bash: 1, 'bash:python': 1 });
  });

  it('counts <function=NAME>, <execute_X> and bash_block in assistant text, once per invocation', () => {
    const counts = countTools([
      { role: 'system', content: 'Use <function=bash> like this' },
      assistant('<function=Bash>\n<parameter=command>ls</parameter>\n</function>', [{ name: 'bash', arguments: { command: 'ls' }, fromText: 'xml' }]),
      assistant('<execute_ipython>print(1)</execute_ipython>'),
      assistant('THOUGHT: look\n\n```bash\nfind . -name x\n```', [{ name: 'bash', arguments: { command: 'find . -name x' }, fromText: 'fence' }]),
    ]);
    expect(counts).toEqual({ bash: 1, 'bash:ls': 1, execute_ipython: 1, bash_block: 1, 'bash:find': 1 });
  });
});

describe('countTools on hostile names', () => {
  it('counts tools named like Object.prototype members', () => {
    const call = (name: string) => ({ name, arguments: {} });
    const counts = countTools([{ role: 'assistant', content: '', toolCalls: [call('__proto__'), call('constructor'), call('__proto__')] }]);
    expect(counts['__proto__']).toBe(2);
    expect(counts.constructor).toBe(1);
  });
});
