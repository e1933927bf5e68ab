import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/kb/markdown';
import { articleSlug } from '../../../shared/kb/slug';
import { foldAccents, markdownToPlainText, searchTerms, stem } from '../../../shared/kb/text';

describe('kb text processing', () => {
  it('folds accents and cedilla', () => {
    expect(foldAccents('Cobrança NÃO Atualização')).toBe('cobranca nao atualizacao');
  });

  it('joins pt-BR inflections and English suffixes on one stem, and leaves short words and numbers alone', () => {
    expect(new Set(['cancelamento', 'cancelado', 'cancelar', 'cancelada', 'cancelamentos'].map(stem))).toEqual(new Set(['cancel']));
    expect(new Set(['entrega', 'entregas', 'entregar', 'entregue'].map(stem)).size).toBeLessThanOrEqual(2);
    expect(stem('faturas')).toBe(stem('fatura'));
    expect(stem(foldAccents('devoluções'))).toBe(stem(foldAccents('devolução')));
    expect(stem('refunded')).toBe(stem('refunding'));
    expect(stem('pix')).toBe('pix');
    expect(stem('4471')).toBe('4471');
  });

  it('drops stop words', () => {
    expect(searchTerms('Quero saber o prazo da entrega do meu pedido')).toEqual(['quer', 'sab', 'praz', 'entreg', 'ped']);
  });

  it('renders Markdown without raw HTML or script URLs, and external links open safely', () => {
    const html = renderMarkdown('# Título\n\n<b onclick="x()">negrito</b> [site](https://exemplo.com.br) [mal](javascript:alert(1))');
    expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;');
    expect(html).toContain('<a href="https://exemplo.com.br" target="_blank" rel="noopener noreferrer">site</a>');
    expect(html).not.toContain('href="javascript:');
  });

  it('turns Markdown into plain text for replies', () => {
    expect(markdownToPlainText('## Passos\n\n1. Abra **Faturas**\n- veja [o site](https://x.com)')).toBe('Passos\n\n1. Abra Faturas\n• veja o site (https://x.com)');
  });

  it('makes stable, readable slugs', () => {
    expect(articleSlug({ id: 'kb_1', title: 'Cobrança em duplicidade (fatura)!' })).toMatch(/^cobranca-em-duplicidade-fatura-[0-9a-f]{8}$/);
    expect(articleSlug({ id: 'kb_1', title: 'x' })).toBe(articleSlug({ id: 'kb_1', title: 'x' }));
  });
});
