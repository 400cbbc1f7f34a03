/**
 * A remark plugin: raw HTML in markdown (`<script>`, `<img onerror>`, and the `<issue_description>`
 * style tags prompts are full of) becomes visible text instead of markup or nothing. Block-level
 * HTML becomes a paragraph that keeps its line breaks.
 */
interface Node {
  type: string;
  value?: string;
  children?: Node[];
  data?: { hProperties?: Record<string, unknown> };
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

export function remarkHtmlAsText() {
  return (tree: Node) => convert(tree);
}

function convert(parent: Node): void {
  const children = parent.children;
  if (!children) return;
  children.forEach((child, i) => {
    if (child.type === 'html') children[i] = textFor(child.value ?? '', FLOW_PARENTS.has(parent.type));
    else convert(child);
  });
}

function textFor(value: string, block: boolean): Node {
  const text: Node = { type: 'text', value };
  return block ? { type: 'paragraph', children: [text], data: { hProperties: { className: ['md-raw'] } } } : text;
}
