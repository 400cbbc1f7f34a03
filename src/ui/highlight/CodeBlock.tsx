import { Highlight, type PrismTheme } from 'prism-react-renderer';
import { memo } from 'react';
import { Prism } from './prism';

/** Colours come from highlight.css (token classes), so light and dark themes need no JS. */
const CLASS_ONLY: PrismTheme = { plain: {}, styles: [] };

/** Past this size Prism's tokenizing would stall the page: such code is shown plain. */
const MAX_HIGHLIGHT_CHARS = 60_000;

export interface CodeBlockProps {
  code: string;
  /** A Prism grammar name (see languages.ts); plain text when undefined or unknown. */
  language?: string | undefined;
  className?: string;
  /** Accessible name, e.g. "Command" or the file path. */
  label?: string;
}

/** Syntax-highlighted code as text nodes only (never HTML), one element per line. */
export const CodeBlock = memo(function CodeBlock({ code, language, className, label }: CodeBlockProps) {
  const grammar = language && code.length <= MAX_HIGHLIGHT_CHARS ? language : 'plain';
  return (
    <Highlight prism={Prism} theme={CLASS_ONLY} code={code} language={grammar}>
      {({ tokens, getLineProps, getTokenProps }) => (
        <pre className={`code-hl ${className ?? ''}`} aria-label={label} data-language={language ?? 'text'}>
          <code>
            {tokens.map((line, i) => {
              const { key: _lineKey, ...lineProps } = getLineProps({ line }) as ReturnType<typeof getLineProps> & { key?: unknown };
              return (
                <span key={i} {...lineProps}>
                  {line.map((token, k) => {
                    const { key: _tokenKey, ...tokenProps } = getTokenProps({ token }) as ReturnType<typeof getTokenProps> & { key?: unknown };
                    return <span key={k} {...tokenProps} />;
                  })}
                  {i < tokens.length - 1 ? '\n' : null}
                </span>
              );
            })}
          </code>
        </pre>
      )}
    </Highlight>
  );
});
