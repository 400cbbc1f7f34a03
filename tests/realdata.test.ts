import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSource } from '../src/core/decode/nodeSource';
import { readTrajectories, type Processed } from '../src/core/pipeline';

/**
 * Real public samples (../shared/realdata, see its INDEX.md). The expectations are the facts that
 * INDEX.md records from reading the files, not what our code printed.
 */
const ROOT = path.resolve(import.meta.dirname, '../../shared/realdata');
const present = existsSync(ROOT);

async function read(rel: string): Promise<{ format: string; items: Processed[] }> {
  const source = await nodeFileSource(path.join(ROOT, rel));
  const items: Processed[] = [];
  let format = '';
  for await (const batch of readTrajectories(source, { source: 'realdata', exactTokens: false })) {
    format = batch.detection.format;
    expect(batch.errors).toEqual([]);
    items.push(...batch.items);
  }
  return { format, items };
}

const roles = (p: Processed) => [p.features.nSystem, p.features.nUser, p.features.nAssistant, p.features.nTool];

describe.skipIf(!present)('real dataset samples', () => {
  it('swe-zero-12m.json: SWE-ZERO, 32 messages (1 system, 16 user, 15 assistant), incomplete, no patch', async () => {
    const { format, items } = await read('hf-rows/swe-zero-12m.json');
    expect(format).toBe('swe-zero');
    expect(items).toHaveLength(3);
    for (const p of items) {
      expect(roles(p)).toEqual([1, 16, 15, 0]);
      expect(p.trajectory.exitStatus).toBe('incomplete');
      expect(p.trajectory.outcome).toBe('ungraded');
      expect(p.trajectory.patch).toBeUndefined();
      expect(p.features.tools.bash_block).toBe(15);
    }
  });

  it('swe-smith.json: XML actions, 49 to 91 messages, no outcome and no patch column', async () => {
    const { format, items } = await read('hf-rows/swe-smith.json');
    expect(format).toBe('swe-smith');
    expect(items.map((p) => p.features.nMessages)).toEqual([57, 61, 59, 49, 91]);
    for (const p of items) {
      expect(p.trajectory.outcome).toBe('ungraded');
      expect(p.trajectory.patchSource ?? 'thread').toBe('thread');
      const calls = p.trajectory.messages.flatMap((m) => m.toolCalls ?? []);
      expect(calls.every((c) => c.fromText === 'xml')).toBe(true);
      expect(calls.length).toBeGreaterThan(0);
    }
  });

  it('mini-coder.json: 17 messages, verified = true, patch column', async () => {
    const { format, items } = await read('hf-rows/mini-coder.json');
    expect(format).toBe('mini-coder');
    expect(items).toHaveLength(1);
    const [p] = items as [Processed];
    expect(roles(p)).toEqual([1, 8, 8, 0]);
    expect(p.trajectory.outcome).toBe('resolved');
    expect(p.trajectory.outcomeLabel).toBe('verified=true');
    expect(p.trajectory.patchSource).toBe('column');
    expect(p.features.patchFiles).toBe(1);
  });

  it('nebius-swe-agent.json: roles system / user / ai, 11 to 33 messages, target = true, submitted, generated_patch', async () => {
    const { format, items } = await read('hf-rows/nebius-swe-agent.json');
    expect(format).toBe('nebius-swe-agent');
    expect(items.map((p) => p.features.nMessages)).toEqual([13, 29, 11, 17, 33]);
    for (const p of items) {
      expect(new Set(p.trajectory.messages.map((m) => m.rawRole ?? m.role))).toEqual(new Set(['system', 'user', 'ai']));
      expect(p.trajectory.outcome).toBe('resolved');
      expect(p.trajectory.exitStatus).toBe('submitted');
      expect(p.trajectory.patchSource).toBe('column');
      expect(p.trajectory.messages[0]?.content).toMatch(/^SETTING: You are an autonomous programmer/);
    }
  });

  it('mini-swe-agent.local.traj.json: a bare list of 6 messages with mswea_bash_command actions', async () => {
    const { format, items } = await read('agent-runs/mini-swe-agent.local.traj.json');
    expect(format).toBe('mini-swe-agent-traj');
    expect(items).toHaveLength(1);
    const [p] = items as [Processed];
    expect(p.features.nMessages).toBe(6);
    expect(p.trajectory.messages.flatMap((m) => m.toolCalls ?? []).map((c) => c.arguments)).toContainEqual({ command: "echo 'hello world'" });
  });

  it('mini-swe-agent.github_issue.traj.json: 22 messages (1 system, 11 user, 10 assistant); the submitted diff recovered', async () => {
    const { format, items } = await read('agent-runs/mini-swe-agent.github_issue.traj.json');
    expect(format).toBe('mini-swe-agent-traj');
    const [p] = items as [Processed];
    expect(roles(p)).toEqual([1, 11, 10, 0]);
    expect(p.trajectory.patchSource).toBe('thread');
    expect(p.trajectory.patch).toMatch(/^diff --git a\/tests\/missing_colon.py/);
  });

  it('swe-agent.function_calling_simple.traj: 12 history messages, 5 assistant with tool_calls, 5 tool', async () => {
    const { format, items } = await read('agent-runs/swe-agent.function_calling_simple.traj');
    expect(format).toBe('swe-agent-traj');
    const [p] = items as [Processed];
    expect(roles(p)).toEqual([1, 1, 5, 5]);
    const tool = p.trajectory.messages.filter((m) => m.role === 'tool');
    expect(tool.every((m) => m.toolCallId?.startsWith('call_'))).toBe(true);
    expect(p.trajectory.messages[2]?.toolCalls?.[0]).toMatchObject({ name: 'find_file', arguments: { file_name: 'missing_colon.py' } });
  });

  it('swe-agent.marshmallow-1867.traj: 29 history messages, submitted, one-file submission of fields.py', async () => {
    const { format, items } = await read('agent-runs/swe-agent.marshmallow-1867.traj');
    expect(format).toBe('swe-agent-traj');
    const [p] = items as [Processed];
    expect(p.features.nMessages).toBe(29);
    expect(p.trajectory.exitStatus).toBe('submitted');
    expect(p.trajectory.patchSource).toBe('metadata');
    expect(p.features.patchFiles).toBe(1);
    expect(Object.keys(p.features.patchExtensions)).toEqual(['py']);
    expect(p.trajectory.patch).toContain('diff --git a/src/marshmallow/fields.py');
  });
});

describe.skipIf(present)('real dataset samples', () => {
  it.skip(`skipped: ${ROOT} is absent (the shared real-data samples are not on this machine)`, () => {});
});
