import type { ToolCall } from '../../../core/types';
import { commandOf, stringArg } from './callArgs';

/** File-editor tools (OpenHands, SWE-agent, R2E-Gym, Anthropic's text editor) and the commands that write. */
const EDITOR_TOOLS = new Set(['str_replace_editor', 'file_editor', 'str_replace_based_edit_tool', 'edit_file', 'text_editor']);
const EDITOR_WRITES = new Set(['create', 'str_replace', 'insert', 'undo_edit', 'write', 'append']);
/** Tools whose every call writes a file (SWE-agent 0.x interface commands, OpenHands' edit action). */
const WRITING_TOOLS = new Set(['edit', 'create', 'insert', 'write_file', 'apply_patch', 'append']);
const SHELL_TOOLS = new Set(['bash', 'execute_bash', 'run', 'terminal', 'shell', 'cmd_run']);

/**
 * Shell commands that change files: in-place sed/perl, output redirected into a file (not
 * /dev/null, not `2>&1`), tee, git apply, patch.
 */
const SHELL_EDIT = /\bsed\b[^|;&\n]*?\s(?:-[a-zA-Z]*i|--in-place)|\bperl\s+-[a-zA-Z]*i|(?:^|[^\d&>|=-])>>?[ \t]*(?!&|\/dev\/null\b)[\w"'./~$-]|\btee\b|\bgit\s+apply\b|\bpatch\s+-p|\bgit\s+checkout\s+--\s/m;

export function isEditCall(call: ToolCall): boolean {
  const name = call.name.toLowerCase();
  if (EDITOR_TOOLS.has(name)) return EDITOR_WRITES.has(stringArg(call, 'command') ?? '');
  if (WRITING_TOOLS.has(name)) return true;
  if (SHELL_TOOLS.has(name)) return SHELL_EDIT.test(commandOf(call) ?? '');
  return false;
}
