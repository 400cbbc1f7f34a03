import type { ToolCall } from '../../../core/types';
import { Markdown } from '../Markdown';
import { stringArg } from '../model/callArgs';
import { OtherArgs } from './CallArgs';

export function ThinkCall({ call }: { call: ToolCall }) {
  return (
    <>
      <Markdown text={stringArg(call, 'thought', 'content') ?? ''} className="think-text" />
      <OtherArgs call={call} shown={['thought', 'content']} />
    </>
  );
}
