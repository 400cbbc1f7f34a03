import type { ToolCall } from '../../../core/types';
import { Markdown } from '../Markdown';
import { argsOf, stringArg } from '../model/callArgs';
import { OtherArgs } from './CallArgs';

const MESSAGE_KEYS = ['message', 'final_thought', 'result', 'summary'];

/** finish / submit: the agent's closing message and whether it says the task is done. */
export function FinishCall({ call }: { call: ToolCall }) {
  const message = stringArg(call, ...MESSAGE_KEYS);
  const completed = stringArg(call, 'task_completed');
  const outputs = argsOf(call).outputs;
  const hasOutputs = typeof outputs === 'object' && outputs !== null && Object.keys(outputs).length > 0;
  return (
    <div className="finish-call">
      {completed !== undefined ? <span className={`finish-state finish-${completed === 'true' ? 'done' : completed === 'false' ? 'not-done' : 'partial'}`}>task completed: {completed}</span> : null}
      {message ? <Markdown text={message} className="finish-message" /> : null}
      <OtherArgs call={call} shown={[...MESSAGE_KEYS, 'task_completed', ...(hasOutputs ? [] : ['outputs']), 'command']} />
    </div>
  );
}
