import { Prism } from './prism';

/** A hast-like node, the shape react-diff-view's tokenizer expects from a highlighter. */
export type HighlightNode =
  | { type: 'text'; value: string }
  | { type: 'element'; tagName: 'span'; properties: { className: string[] }; children: HighlightNode[] };

/**
 * Prism tokens as hast-like nodes: react-diff-view's `tokenize` takes a refractor-style
 * `highlight(code, language)`, and this gives it one backed by the same Prism grammars.
 */
export function highlightNodes(code: string, language: string): HighlightNode[] {
  const grammar = Prism.languages[language];
  if (!grammar) return [{ type: 'text', value: code }];
  return Prism.tokenize(code, grammar).map(toNode);
}

function toNode(token: string | Prism.Token): HighlightNode {
  if (typeof token === 'string') return { type: 'text', value: token };
  const aliases = token.alias === undefined ? [] : Array.isArray(token.alias) ? token.alias : [token.alias];
  const content = Array.isArray(token.content) ? token.content : [token.content];
  return { type: 'element', tagName: 'span', properties: { className: ['token', token.type, ...aliases] }, children: content.map(toNode) };
}
