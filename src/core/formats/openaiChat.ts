import type { RawRow, RowContext, Trajectory } from '../types';
import type { Adapter, Probe } from './adapter';
import { buildTrajectory } from './build';
import { readChat } from './chat';
import { harnessFromTools } from './harness';
import { messageColumn, messageKeys, sampleMessages } from './probe';

const COLUMNS = ['messages', 'trajectory'];

/**
 * OpenAI chat messages with structured tool calls: Open-SWE-Traces, nebius SWE-rebench-openhands,
 * SWE-Gym OpenHands. They share the message schema and differ in where outcome and patch live,
 * which `buildTrajectory` looks up generically; the three entries exist so detection can say which.
 */
function openaiAdapter(id: string, label: string, score: number, fits: (probe: Probe, column: string) => string | undefined): Adapter {
  return {
    id,
    label,
    detect(probe) {
      const column = messageColumn(probe, COLUMNS);
      if (column === undefined) return undefined;
      const keys = messageKeys(sampleMessages(probe, column));
      if (!keys.has('role') || !(keys.has('tool_calls') || keys.has('function_call'))) return undefined;
      const why = fits(probe, column);
      return why === undefined ? undefined : { score, reason: `\`${column}\` holds OpenAI messages with tool_calls; ${why}` };
    },
    normalize: (row, ctx) => normalizeOpenai(id, row, ctx),
  };
}

function normalizeOpenai(format: string, row: RawRow, ctx: RowContext): Trajectory {
  const column = COLUMNS.find((c) => row[c] !== undefined && row[c] !== null) ?? 'messages';
  const warnings: string[] = [];
  const messages = readChat(row[column], 'none', warnings);
  const agent = harnessFromTools(messages);
  return buildTrajectory(row, ctx, { format, messages, warnings, consumed: [column], ...(agent ? { agent } : {}) });
}

export const openSweTraces = openaiAdapter('open-swe-traces', 'Open-SWE-Traces (OpenAI tool calls)', 80, (probe) =>
  probe.columns.has('metadata') || probe.columns.has('trajectory_id') || probe.columns.has('hf_dataset_name')
    ? '`metadata` / `trajectory_id` columns'
    : undefined,
);

// Scored above Open-SWE-Traces: both have `trajectory_id`, only this one a top-level `model_patch`.
export const sweRebenchOpenhands = openaiAdapter('swe-rebench-openhands', 'SWE-rebench OpenHands (OpenAI tool calls)', 85, (probe, column) =>
  column === 'trajectory' && probe.columns.has('model_patch') ? '`model_patch` column' : undefined,
);

export const sweGymOpenhands = openaiAdapter('swe-gym-openhands', 'SWE-Gym OpenHands (OpenAI tool calls)', 80, (probe) =>
  probe.columns.has('test_result') ? '`test_result` column' : undefined,
);

export const openaiChat = openaiAdapter('openai-chat', 'OpenAI chat with tool calls', 40, () => 'no dataset-specific columns');
