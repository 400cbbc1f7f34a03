import { CodeBlock } from '../../../ui/highlight/CodeBlock';
import type { ToolCall } from '../../../core/types';

/** A tool without a renderer of its own: its arguments as formatted JSON (or the raw text when they were not JSON). */
export function JsonCall({ call }: { call: ToolCall }) {
  if (typeof call.arguments === 'string') {
    return (
      <>
        <p className="call-note">Arguments are not valid JSON; shown as given.</p>
        <CodeBlock code={call.arguments} className="call-json" label="Arguments" />
      </>
    );
  }
  return <CodeBlock code={JSON.stringify(call.arguments, null, 2) ?? ''} language="json" className="call-json" label="Arguments" />;
}
