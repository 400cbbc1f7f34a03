/** Syntax highlighting shared by the views that show code: thread (commands, files) and diff. */
import './highlight.css';

export { CodeBlock, MAX_HIGHLIGHT_CHARS, type CodeBlockProps } from './CodeBlock';
export { languageForFence, languageForPath } from './languages';
export { highlightNodes, type HighlightNode } from './prismNodes';
