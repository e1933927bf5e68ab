import { useMemo } from 'react';
import { articleHtml } from './article-html';

/** A knowledge-base article's text, rendered from Markdown and sanitized. */
export function MarkdownView({ markdown, className }: { markdown: string; className?: string }) {
  const html = useMemo(() => articleHtml(markdown), [markdown]);
  return <div className={`kb-markdown${className ? ` ${className}` : ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
