import { describe, expect, it } from 'vitest';
import { goldenTrajectory } from '../../../../tests/goldenTrajectories';
import { splitActionText } from './actionText';
import { buildThread } from './threadModel';

describe('splitActionText', () => {
  it('splits mini-swe-agent THOUGHT + ```bash into thought and command', () => {
    const content = 'THOUGHT: I will list the files.\n\n```bash\nls -la\n```';
    const split = splitActionText(content, [{ name: 'bash', arguments: { command: 'ls -la' }, fromText: 'fence' }]);
    expect(split).toEqual({ prose: 'I will list the files.', thought: true });
  });

  it('removes <function=...> blocks that were parsed', () => {
    const content = 'Look first.\n\n<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/a.py</parameter>\n</function>';
    const split = splitActionText(content, [{ name: 'str_replace_editor', arguments: { command: 'view', path: '/a.py' }, fromText: 'xml' }]);
    expect(split.prose).toBe('Look first.');
  });

  it('removes the SWE-agent command fence but keeps other fences', () => {
    const content = 'DISCUSSION\nThe bug is here:\n```\nx = 1\n```\nLet me open it.\n```\nopen a.py 10\n```';
    const split = splitActionText(content, [{ name: 'open', arguments: { command: 'open a.py 10' }, fromText: 'action' }]);
    expect(split).toEqual({ prose: 'The bug is here:\n```\nx = 1\n```\nLet me open it.', thought: true });
  });

  it('keeps action text that does not match a parsed call', () => {
    const content = 'Try this:\n```bash\nrm -rf build\n```';
    expect(splitActionText(content, [{ name: 'bash', arguments: { command: 'make' }, fromText: 'fence' }]).prose).toBe(content);
  });

  it('never strips prose around structured tool calls', () => {
    const content = 'Running:\n```bash\nls\n```';
    expect(splitActionText(content, [{ id: 'call_1', name: 'execute_bash', arguments: { command: 'ls' } }]).prose).toBe(content);
  });

  it('strips calls that lost fromText in a {name, arguments} export', () => {
    const content = 'THOUGHT: check\n\n```bash\ngit status\n```';
    expect(splitActionText(content, [{ name: 'bash', arguments: { command: 'git status' } }])).toEqual({ prose: 'check', thought: true });
  });

  it('leaves no action markup in the prose of real text-action records', async () => {
    for (const input of ['mini-coder.parquet', 'swe-zero.jsonl', 'swe-smith.xml.parquet', 'r2e-gym.parquet', 'nebius-swe-agent.parquet', 'mini-swe-agent.v1-list-mswea.traj.json']) {
      const { trajectory } = await goldenTrajectory(input);
      for (const item of buildThread(trajectory)) {
        if (item.kind !== 'assistant' || item.calls.length === 0) continue;
        expect(item.prose, `${input} #${item.index}`).not.toMatch(/<function=|```(?:bash|mswea_bash_command)/);
        expect(item.prose, `${input} #${item.index}`).not.toMatch(/^THOUGHT:/);
      }
    }
  });
});
