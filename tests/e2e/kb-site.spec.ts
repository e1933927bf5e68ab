import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { exportSite } from '../../main/domain/kb/kb-export';
import { kbArticle } from '../fixtures/kb-article';

const NOW = '2026-11-20T13:00:00.000Z';

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atende-kb-site-'));
  const files = exportSite(
    [
      kbArticle({}),
      kbArticle({ id: 'kb_2', title: 'Cancelamento do plano', body: 'Para **cancelar**, acesse *Minha conta*.', category: 'Conta', tags: ['cancelamento'] }),
      kbArticle({ id: 'kb_3', title: '<img src=x onerror=alert(1)> Troca de endereço', body: 'Atualize o endereço de entrega.', category: 'Entrega' }),
      kbArticle({ id: 'kb_4', title: 'Procedimento interno de estorno', visibility: 'internal' }),
    ],
    { siteTitle: 'Central de Ajuda', generatedAt: NOW },
  );
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content, 'utf8');
  }
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the exported help site searches as you type when opened straight from disk, without accents, by stem', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  await expect(page).toHaveTitle(/Central de Ajuda/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Como podemos ajudar?');

  const search = page.locator('#busca');
  await search.fill('cancelar');
  const results = page.locator('#resultados-lista li');
  await expect(results).toHaveCount(1);
  await expect(results.first().getByRole('link')).toHaveText('Cancelamento do plano');
  await expect(page.locator('#resultados-contagem')).toHaveText('1 artigo encontrado');

  await search.fill('COBRANCA segunda');
  await expect(results.first().getByRole('link')).toHaveText('Segunda via do boleto');
  await search.fill('endereco');
  // A hostile title is text, not markup.
  await expect(results.first().getByRole('link')).toHaveText('<img src=x onerror=alert(1)> Troca de endereço');
  await search.fill('estorno');
  await expect(page.locator('#resultados-contagem')).toHaveText('Nenhum artigo encontrado. Tente outras palavras.');

  await search.fill('boleto');
  await results.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Segunda via do boleto');
  await expect(page.locator('strong', { hasText: 'segunda via' })).toBeVisible();
  expect(errors).toEqual([]);
});
