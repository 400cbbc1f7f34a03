import { CodeBlock } from '../../../ui/highlight/CodeBlock';
import type { ToolCall } from '../../../core/types';
import { commandOf } from '../model/callArgs';

/** `edit 40:41\n<replacement>\nend_of_edit`: the command line, then the text it writes. */
const EDIT_BLOCK = /^(\S+[^\n]*)\n([\s\S]*?)\n?end_of_edit\s*$/;

/** SWE-agent 0.x interface commands (open, goto, search_dir, edit ...) as the command line they are. */
export function SweAgentCall({ call }: { call: ToolCall }) {
  const command = commandOf(call) ?? call.name;
  const edit = EDIT_BLOCK.exec(command);
  if (!edit) return <CodeBlock code={command} language="bash" className="call-command" label="Command" />;
  return (
    <>
      <CodeBlock code={edit[1] ?? ''} language="bash" className="call-command" label="Command" />
      <CodeBlock code={edit[2] ?? ''} className="editor-code sweagent-edit-text" label="Replacement text" />
    </>
  );
}
