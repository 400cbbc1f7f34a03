import { memo, type ComponentProps, type ReactNode } from 'react';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CodeBlock } from '../../ui/highlight/CodeBlock';
import { languageForFence } from '../../ui/highlight/languages';
import { remarkHtmlAsText } from './remarkHtmlAsText';
import { safeHref } from './safeUrl';

const REMARK_PLUGINS = [remarkGfm, remarkHtmlAsText];

/** href: only safe links survive (others become ''); src is only ever shown as text. */
function transformUrl(url: string, key: string): string {
  return key === 'href' ? (safeHref(url) ?? '') : url;
}

function Link({ href, children }: ComponentProps<'a'> & ExtraProps) {
  if (!href) {
    return (
      <span className="md-link-blocked" title="Not a link: only http(s) and mailto links are followed">
        {children}
      </span>
    );
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
      {children}
    </a>
  );
}

/** Images are never fetched from a trajectory: a request could track the reader. */
function Image({ src, alt }: ComponentProps<'img'> & ExtraProps) {
  return (
    <span className="md-image" title="Images in trajectories are not loaded">
      <span className="md-image-tag">image</span> {alt || 'no description'}
      {typeof src === 'string' && src !== '' ? <span className="md-image-src"> ({src})</span> : null}
    </span>
  );
}

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
}

function textOf(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** Fenced code: highlighted by its info string. */
function Fence({ node }: ComponentProps<'pre'> & ExtraProps) {
  const code = (node?.children as HastNode[] | undefined)?.find((c) => c.tagName === 'code');
  const classes = Array.isArray(code?.properties?.className) ? (code.properties.className as string[]) : [];
  const language = classes.find((c) => c.startsWith('language-'))?.slice('language-'.length);
  return <CodeBlock code={textOf(code).replace(/\n$/, '')} language={languageForFence(language)} className="md-code" />;
}

const COMPONENTS: Components = { a: Link, img: Image, pre: Fence };

/** Untrusted markdown (model prose, prompts): GFM, no raw HTML, inert links, no images. */
export const Markdown = memo(function Markdown({ text, className }: { text: string; className?: string }): ReactNode {
  return (
    <div className={`md ${className ?? ''}`}>
      <ReactMarkdown remarkPlugins={REMARK_PLUGINS} urlTransform={transformUrl} components={COMPONENTS} skipHtml={false}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
