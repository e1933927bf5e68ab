import { describe, expect, it } from 'vitest';
import { exportSite } from '../../../main/domain/kb/kb-export';
import { articleSlug } from '../../../shared/kb/slug';
import { kbArticle } from '../../fixtures/kb-article';

const NOW = '2026-11-20T13:00:00.000Z';

describe('kb export (self-service site)', () => {
  const files = exportSite(
    [
      kbArticle({}),
      kbArticle({ id: 'kb_2', title: 'Procedimento interno', visibility: 'internal' }),
      kbArticle({ id: 'kb_3', title: 'Rascunho', status: 'draft' }),
      kbArticle({ id: 'kb_4', title: 'Proposta', status: 'draft', proposedBy: 'usr_2' }),
      kbArticle({ id: 'kb_5', title: '<img src=x onerror=alert(1)> Troca', category: '<script>alert(2)</script>', body: '<script>alert(3)</script>\n\n[clique](javascript:alert(4))', tags: ['x"onmouseover="alert(5)'] }),
    ],
    { siteTitle: 'Central de Ajuda', generatedAt: NOW },
  );
  const byPath = new Map(files.map((f) => [f.path, f.content]));

  it('exports only published public articles, one page each, with index, search index and assets', () => {
    expect([...byPath.keys()].sort()).toEqual(
      ['index.html', `artigos/${articleSlug({ id: 'kb_1', title: 'Segunda via do boleto' })}.html`, `artigos/${articleSlug({ id: 'kb_5', title: '<img src=x onerror=alert(1)> Troca' })}.html`, 'assets/search-index.js', 'assets/style.css', 'assets/search.js'].sort(),
    );
    const script = byPath.get('assets/search-index.js') as string;
    expect(script.startsWith('window.ATENDE_KB_INDEX = ')).toBe(true);
    const index = JSON.parse(script.slice('window.ATENDE_KB_INDEX = '.length).trim().replace(/;$/, '')) as { articles: { t: string; u: string; k: string[] }[] };
    expect(index.articles.map((a) => a.t)).toContain('Segunda via do boleto');
    expect(index.articles.find((a) => a.t === 'Segunda via do boleto')?.k).toEqual(expect.arrayContaining(['segunda', 'boleto', 'cobranca', 'aplicativo']));
  });

  it('escapes titles, categories and tags and renders Markdown without raw HTML or script links', () => {
    const all = files.filter((f) => f.path.endsWith('.html')).map((f) => f.content).join('\n');
    expect(all).not.toMatch(/<script>alert|<img src=x|href="javascript:|"onmouseover=/);
    expect(all).toContain('&lt;img src=x onerror=alert(1)&gt; Troca');
    expect(all).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(all).toContain('<strong>segunda via</strong>');
    // No inline script anywhere: the pages load assets/search.js only.
    expect(all.match(/<script(?![^>]*\bsrc=)/g)).toBeNull();
    expect(byPath.get('index.html')).toContain('<html lang="pt-BR">');
    expect(byPath.get('index.html')).toContain("script-src 'self'");
  });
});
