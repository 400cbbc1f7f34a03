import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../../../core/types';
import { goldenTrajectory } from '../../../../tests/goldenTrajectories';
import { isEditCall } from './edits';
import { jumpTargets, nextTarget } from './jumpTargets';
import { buildThread } from './threadModel';

const bash = (command: string): ToolCall => ({ name: 'bash', arguments: { command } });

describe('edit calls', () => {
  it('reads file-editor writes as edits, views not', () => {
    for (const command of ['create', 'str_replace', 'insert', 'undo_edit']) expect(isEditCall({ name: 'str_replace_editor', arguments: { command, path: '/a' } })).toBe(true);
    expect(isEditCall({ name: 'str_replace_editor', arguments: { command: 'view', path: '/a' } })).toBe(false);
    expect(isEditCall({ name: 'edit', arguments: { command: 'edit 1:2\nx\nend_of_edit' } })).toBe(true);
  });

  it('reads shell commands that write files as edits', () => {
    for (const c of ["sed -i 's/a/b/' f.py", 'sed -n 1p -i f', "perl -pi -e 's/a/b/' f", 'cat > f.py <<EOF\nx\nEOF', 'echo x >> log.txt', 'git apply p.diff', 'patch -p1 < p.diff', 'echo x | tee f']) {
      expect(isEditCall(bash(c)), c).toBe(true);
    }
    for (const c of ["sed -n '1,5p' f.py", 'grep -rn x . 2>/dev/null | head', 'ls > /dev/null', 'python t.py 2>&1', 'git diff', "python -c 'print(1 >= 0)'"]) {
      expect(isEditCall(bash(c)), c).toBe(false);
    }
  });
});

describe('jump targets', () => {
  it('finds tool calls, errors and edits in a real OpenHands record', async () => {
    const { trajectory } = await goldenTrajectory('open-swe-traces.openhands.parquet');
    const items = buildThread(trajectory);
    const targets = jumpTargets(items);
    expect(targets.call).toEqual(items.filter((i) => i.message.toolCalls?.length).map((i) => i.index));
    expect(targets.edit.map((i) => items[i]?.calls[0]?.call.name)).toEqual(targets.edit.map(() => 'str_replace_editor'));
    expect(targets.edit.length).toBeGreaterThan(0);
    for (const i of targets.error) expect(items[i]?.observation?.error).toBe(true);
  });

  it('finds non-zero return codes as errors in a mini-swe-agent record', async () => {
    const { trajectory } = await goldenTrajectory('mini-swe-agent.v2.traj.json');
    const items = buildThread(trajectory);
    const errors = jumpTargets(items).error;
    expect(errors.length).toBeGreaterThan(0);
    for (const i of errors) expect(items[i]?.observation?.returnCode).not.toBe(0);
  });

  it('steps forward and back from any position', () => {
    const t = [3, 7, 12];
    expect(nextTarget(t, 0, 1)).toBe(3);
    expect(nextTarget(t, 3, 1)).toBe(7);
    expect(nextTarget(t, 12, 1)).toBeUndefined();
    expect(nextTarget(t, 12, -1)).toBe(7);
    expect(nextTarget(t, 8, -1)).toBe(7);
    expect(nextTarget(t, 3, -1)).toBeUndefined();
    expect(nextTarget([], 3, 1)).toBeUndefined();
  });
});
