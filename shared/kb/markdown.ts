import MarkdownIt from 'markdown-it';

/**
 * The one Markdown configuration for articles, used by the renderer and the exported site. Raw
 * HTML in the source is shown as text (`html: false`), and markdown-it refuses `javascript:`,
 * `vbscript:`, `file:` and non-image `data:` links, so the output is safe by construction; the
 * renderer still passes it through DOMPurify as a second line of defence.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const href = String(token?.attrGet('href') ?? '');
  // External links open outside the app and pass no referrer.
  if (token && /^https?:/i.test(href)) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Article Markdown → HTML (safe: no raw HTML, no script URLs). */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
