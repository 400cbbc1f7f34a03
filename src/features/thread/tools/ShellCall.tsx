import { CodeBlock } from '../../../ui/highlight/CodeBlock';
import type { ToolCall } from '../../../core/types';
import { commandOf } from '../model/callArgs';
import { OtherArgs } from './CallArgs';

/** OpenHands' CmdRunAction flags that say nothing about the command. */
const SHELL_NOISE = ['command', 'cmd', 'is_input', 'blocking', 'is_static', 'hidden', 'confirmation_state', 'security_risk'];

export function ShellCall({ call }: { call: ToolCall }) {
  return (
    <>
      <CodeBlock code={commandOf(call) ?? ''} language="bash" className="call-command" label="Command" />
      <OtherArgs call={call} shown={SHELL_NOISE} />
    </>
  );
}

export function PythonCall({ call }: { call: ToolCall }) {
  return (
    <>
      <CodeBlock code={commandOf(call) ?? ''} language="python" className="call-command" label="Python code" />
      <OtherArgs call={call} shown={['code', 'command', 'cmd', 'security_risk']} />
    </>
  );
}
