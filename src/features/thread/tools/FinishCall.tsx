import type { ToolCall } from '../../../core/types';
import { Markdown } from '../Markdown';
import { argsOf, stringArg } from '../model/callArgs';
import { hasOtherArgs, OtherArgs } from './CallArgs';

const MESSAGE_KEYS = ['message', 'final_thought', 'result', 'summary'];

/** finish / submit: the agent's closing message and whether it says the task is done. */
export function FinishCall({ call }: { call: ToolCall }) {
  const message = stringArg(call, ...MESSAGE_KEYS);
  const completed = stringArg(call, 'task_completed');
  const outputs = argsOf(call).outputs;
  const hasOutputs = typeof outputs === 'object' && outputs !== null && Object.keys(outputs).length > 0;
  const shown = [...MESSAGE_KEYS, 'task_completed', ...(hasOutputs ? [] : ['outputs']), 'command'];
  if (message === undefined && completed === undefined && !hasOtherArgs(call, shown)) return null;
  return (
    <div className="finish-call">
      {completed !== undefined ? <span className={`finish-state finish-${completed === 'true' ? 'done' : completed === 'false' ? 'not-done' : 'partial'}`}>task completed: {completed}</span> : null}
      {message ? <Markdown text={message} className="finish-message" /> : null}
      <OtherArgs call={call} shown={shown} />
    </div>
  );
}
