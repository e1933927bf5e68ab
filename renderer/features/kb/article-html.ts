import { renderMarkdown } from '../../../shared/kb/markdown';
import { sanitizeEmailHtml } from '../../lib/sanitize-html';

/**
 * An article's Markdown as safe HTML: markdown-it with raw HTML off (shared/kb/markdown.ts), then
 * the app's DOMPurify profile (no scripts, handlers, styles, forms or remote images).
 */
export function articleHtml(markdown: string): string {
  return sanitizeEmailHtml(renderMarkdown(markdown)).html;
}
