import { renderMarkdown } from '../../../shared/kb/markdown';
import { articleSlug } from '../../../shared/kb/slug';
import { foldAccents, snippet, splitWords, stem, STOP_WORDS } from '../../../shared/kb/text';
import type { KbArticle } from '../../../shared/schemas';
import { KB_SITE_CSS, KB_SITE_JS } from './kb-export-assets';

/** One file of the exported site: path relative to the output folder, and its text. */
export interface SiteFile {
  path: string;
  content: string;
}

export interface SiteOptions {
  /** Shown in the header and titles, e.g. "Central de Ajuda — Loja Exemplo". */
  siteTitle: string;
  /** Instant of the export, shown in the footer (ISO). */
  generatedAt: string;
}

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'";

const dateFormat = new Intl.DateTimeFormat('pt-BR', { day: '2-digit', month: 'long', year: 'numeric', timeZone: 'America/Sao_Paulo' });

/** Which articles a company may publish: published and public, no proposals. */
export function publicArticles(articles: Iterable<KbArticle>): KbArticle[] {
  return [...articles]
    .filter((a) => a.status === 'published' && a.visibility === 'public' && !a.proposedBy)
    .sort((a, b) => (a.category ?? '').localeCompare(b.category ?? '', 'pt-BR') || a.title.localeCompare(b.title, 'pt-BR'));
}

function layout(opts: SiteOptions, page: { title: string; root: string; lang: string; body: string; search: boolean }): string {
  return `<!doctype html>
<html lang="${esc(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${esc(page.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${page.root}assets/style.css">
</head>
<body>
<a class="skip" href="#conteudo">Pular para o conteúdo</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="${page.root}index.html">${esc(opts.siteTitle)}</a>
<form class="search" role="search" action="${page.root}index.html" method="get">
<label for="busca" class="visually-hidden">Buscar na central de ajuda</label>
<input id="busca" name="q" type="search" placeholder="Como podemos ajudar? Ex.: segunda via, troca, rastreio" autocomplete="off" data-root="${page.root}">
<button type="submit">Buscar</button>
</form>
</div>
</header>
<main id="conteudo" class="wrap" tabindex="-1">
${page.body}
</main>
<footer class="site-footer"><div class="wrap">Atualizado em ${esc(dateFormat.format(new Date(opts.generatedAt)))} · Central de ajuda gerada pelo Atende</div></footer>
${page.search ? `<script src="${page.root}assets/search.js" defer></script>` : ''}
</body>
</html>
`;
}

function indexPage(articles: readonly KbArticle[], opts: SiteOptions): string {
  const byCategory = new Map<string, KbArticle[]>();
  for (const a of articles) byCategory.set(a.category ?? 'Outros assuntos', [...(byCategory.get(a.category ?? 'Outros assuntos') ?? []), a]);
  const sections = [...byCategory]
    .map(
      ([category, list]) => `<section class="category" aria-labelledby="cat-${esc(articleSlug({ id: category, title: category }))}">
<h2 id="cat-${esc(articleSlug({ id: category, title: category }))}">${esc(category)} <span class="count">${list.length}</span></h2>
<ul class="article-list">
${list.map((a) => `<li><a href="artigos/${articleSlug(a)}.html"${a.language !== 'pt-BR' ? ` hreflang="${esc(a.language)}" lang="${esc(a.language)}"` : ''}>${esc(a.title)}</a><p>${esc(snippet(a.body, 140))}</p></li>`).join('\n')}
</ul>
</section>`,
    )
    .join('\n');
  const body = `<h1>Como podemos ajudar?</h1>
<p class="lead">${articles.length} artigos sobre pedidos, pagamentos, trocas e sua conta.</p>
<section id="resultados" class="results" aria-live="polite" hidden>
<h2 id="resultados-titulo">Resultados</h2>
<p id="resultados-contagem" class="muted"></p>
<ul id="resultados-lista" class="article-list"></ul>
</section>
<div id="categorias" class="categories">
${sections || '<p>Nenhum artigo publicado ainda.</p>'}
</div>`;
  return layout(opts, { title: opts.siteTitle, root: '', lang: 'pt-BR', body, search: true });
}

function articlePage(a: KbArticle, opts: SiteOptions): string {
  const tags = a.tags.length > 0 ? `<ul class="tags" aria-label="Etiquetas">${a.tags.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : '';
  const attachments = a.attachments.filter((x) => x.url && /^https?:/i.test(x.url));
  const files =
    attachments.length > 0
      ? `<section class="attachments"><h2>Documentos</h2><ul>${attachments.map((x) => `<li><a href="${esc(x.url as string)}" rel="noopener noreferrer">${esc(x.name)}</a></li>`).join('')}</ul></section>`
      : '';
  const body = `<nav class="crumbs" aria-label="Você está em"><a href="../index.html">Início</a> <span aria-hidden="true">›</span> ${esc(a.category ?? 'Outros assuntos')}</nav>
<article class="article" lang="${esc(a.language)}">
<h1>${esc(a.title)}</h1>
<p class="muted">Atualizado em ${esc(dateFormat.format(new Date(a.updatedAt)))}</p>
<div class="article-body">
${renderMarkdown(a.body)}
</div>
${tags}
${files}
</article>
<p class="back"><a href="../index.html">← Voltar para a central de ajuda</a></p>`;
  return layout(opts, { title: `${a.title} — ${opts.siteTitle}`, root: '../', lang: 'pt-BR', body, search: true });
}

/** Search terms of an article for the client-side index: folded words and their stems. */
function indexTerms(a: KbArticle): string[] {
  const words = splitWords(`${a.title} ${a.tags.join(' ')} ${a.category ?? ''} ${a.body}`).map(foldAccents);
  const terms = new Set<string>();
  for (const w of words) {
    if (w.length < 2 || STOP_WORDS.has(w)) continue;
    terms.add(w);
    terms.add(stem(w));
  }
  return [...terms].sort();
}

/**
 * The self-service site of the public articles: `index.html` (by category, usable without
 * JavaScript), one page per article, `assets/search-index.js` and a small vanilla script that searches
 * it as you type (accent-insensitive, by word prefix and stem). Static files only: no CDN, no
 * inline script; everything escaped, Markdown rendered without raw HTML.
 */
export function exportSite(all: Iterable<KbArticle>, opts: SiteOptions): SiteFile[] {
  const articles = publicArticles(all);
  const index = articles.map((a) => ({ t: a.title, u: `artigos/${articleSlug(a)}.html`, c: a.category ?? '', s: snippet(a.body, 140), k: indexTerms(a), tk: splitWords(a.title).map(foldAccents) }));
  return [
    { path: 'index.html', content: indexPage(articles, opts) },
    ...articles.map((a) => ({ path: `artigos/${articleSlug(a)}.html`, content: articlePage(a, opts) })),
    // A script rather than JSON, so the search also works when the folder is opened from disk.
    { path: 'assets/search-index.js', content: `window.ATENDE_KB_INDEX = ${JSON.stringify({ generatedAt: opts.generatedAt, articles: index })};\n` },
    { path: 'assets/style.css', content: KB_SITE_CSS },
    { path: 'assets/search.js', content: KB_SITE_JS },
  ];
}
