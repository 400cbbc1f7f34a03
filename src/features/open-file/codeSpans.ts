export interface Span {
  code: boolean;
  text: string;
}

/**
 * Splits detection messages into text and code: `name` becomes code `name`; a fence marker such as
 * ```bash stays as written, as code.
 */
export function codeSpans(message: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  for (const m of message.matchAll(/```[A-Za-z_-]*|`[^`\n]+`/g)) {
    if (m.index > last) spans.push({ code: false, text: message.slice(last, m.index) });
    spans.push({ code: true, text: m[0].startsWith('```') ? m[0] : m[0].slice(1, -1) });
    last = m.index + m[0].length;
  }
  if (last < message.length) spans.push({ code: false, text: message.slice(last) });
  return spans;
}

/** The text a reader sees once code spans are rendered. */
export function displayedText(message: string): string {
  return codeSpans(message)
    .map((s) => s.text)
    .join('');
}
