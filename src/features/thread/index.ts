/** Reading one trajectory as a chat thread: virtualized messages, tool-call renderers, find, jumps. */
import '../../ui/highlight/highlight.css';
import './thread.css';

export { Thread, type MessageChangeCause, type ThreadProps } from './Thread';
export { TOOL_RENDERERS, rendererFor, type ToolRenderer } from './tools/toolRenderers';
