/**
 * The one registry of tool-call renderers: tool name → how a call is shown (body) and summarised
 * in one line (headers, the label of its output). Tools not listed show their arguments as JSON.
 */
import type { ComponentType } from 'react';
import type { ToolCall } from '../../../core/types';
import { argumentSummary, editorSummary, finishSummary, shellSummary, thoughtSummary } from './callSummary';
import { EditorCall } from './EditorCall';
import { FinishCall } from './FinishCall';
import { JsonCall } from './JsonCall';
import { PythonCall, ShellCall } from './ShellCall';
import { SweAgentCall } from './SweAgentCall';
import { ThinkCall } from './ThinkCall';

export interface ToolRenderer {
  /** Which renderer this is (tests, styling). */
  kind: 'shell' | 'python' | 'editor' | 'think' | 'finish' | 'swe-agent' | 'json';
  summary(call: ToolCall): string;
  Body: ComponentType<{ call: ToolCall }>;
}

const shell: ToolRenderer = { kind: 'shell', summary: shellSummary, Body: ShellCall };
const python: ToolRenderer = { kind: 'python', summary: shellSummary, Body: PythonCall };
const editor: ToolRenderer = { kind: 'editor', summary: editorSummary, Body: EditorCall };
const think: ToolRenderer = { kind: 'think', summary: thoughtSummary, Body: ThinkCall };
const finish: ToolRenderer = { kind: 'finish', summary: finishSummary, Body: FinishCall };
const sweAgent: ToolRenderer = { kind: 'swe-agent', summary: shellSummary, Body: SweAgentCall };
const json: ToolRenderer = { kind: 'json', summary: argumentSummary, Body: JsonCall };

export const TOOL_RENDERERS: ReadonlyMap<string, ToolRenderer> = new Map([
  // Shells: mini-swe-agent / SWE-agent `bash`, OpenHands `execute_bash` and its event name `run`.
  ['bash', shell], ['execute_bash', shell], ['run', shell], ['terminal', shell], ['shell', shell], ['cmd_run', shell],
  ['execute_ipython_cell', python], ['run_ipython', python],
  ['str_replace_editor', editor], ['file_editor', editor], ['str_replace_based_edit_tool', editor],
  ['think', think],
  ['finish', finish], ['submit', finish],
  // SWE-agent 0.x interface commands, parsed from its fenced actions.
  ...['open', 'goto', 'scroll_up', 'scroll_down', 'search_dir', 'search_file', 'find_file', 'create', 'edit', 'insert', 'filemap'].map((n) => [n, sweAgent] as const),
]);

export function rendererFor(name: string): ToolRenderer {
  return TOOL_RENDERERS.get(name) ?? TOOL_RENDERERS.get(name.toLowerCase()) ?? json;
}
