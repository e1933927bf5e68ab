import { foldAccents } from './text';

/** FNV-1a (32 bit) in hex: a short stable suffix that keeps slugs unique. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** "Cobrança em duplicidade" + id → "cobranca-em-duplicidade-1a2b3c4d": the exported page's name. */
export function articleSlug(article: { id: string; title: string }): string {
  const words = foldAccents(article.title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return `${words || 'artigo'}-${shortHash(article.id)}`;
}

/** Where an exported article lives on the public site (`base` without a trailing slash). */
export function publicArticleUrl(base: string, article: { id: string; title: string }): string {
  return `${base.replace(/\/+$/, '')}/artigos/${articleSlug(article)}.html`;
}
