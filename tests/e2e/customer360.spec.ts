import { cpfWithCheckDigits, formatCpf } from '../../shared/br/cpf';
import { postInbound, uniqueId } from './fixtures/channels';
import { login, openFirstTicket } from './fixtures/app';
import { DEMO_PASSWORD, expect, test } from './fixtures/server';

/** A mobile number no demo customer has (the demo floor uses other area codes' ranges at random). */
function freshMobile(): { e164: string; typed: string; digits: string } {
  const rest = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
  return { e164: `+55119${rest}`, typed: `(11) 9${rest.slice(0, 4)}-${rest.slice(4)}`, digits: `119${rest}` };
}

test('a WhatsApp message delivered through POST /channels/inbound shows on the customer 360', async ({ page, server }) => {
  const phone = freshMobile();
  const text = 'Meu pedido 4471 chegou com a caixa aberta e faltando o carregador.';
  const delivered = await postInbound(server.url, {
    channel: 'whatsapp',
    conversationId: uniqueId('wa'),
    externalId: uniqueId('wamid'),
    sender: { name: 'Beatriz Lacerda', phone: phone.typed },
    text,
    sentAt: new Date().toISOString(),
  });
  expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
  const { ticketNumber, customerId } = delivered.body;
  expect(ticketNumber).toBeGreaterThan(0);
  expect(customerId).toBeTruthy();

  await login(page, 'agente1', DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Clientes' }).click();
  // The phone in another format than it arrived in.
  const search = page.getByRole('searchbox', { name: 'Buscar clientes' });
  await search.fill(`+55 ${phone.digits}`);
  const results = page.getByRole('list', { name: 'Clientes encontrados' });
  await results.getByRole('link', { name: /Beatriz Lacerda/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Beatriz Lacerda' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/customers/${customerId}$`));
  const last = page.getByRole('region', { name: 'Último contato' });
  await expect(last).toContainText(text);
  await expect(last).toContainText('WhatsApp');
  await expect(last.getByRole('link', { name: `Ticket #${ticketNumber}` })).toBeVisible();

  const open = page.getByRole('region', { name: 'Tickets abertos' });
  await expect(open.getByRole('link', { name: `#${ticketNumber}` })).toBeVisible();
  await expect(open).toContainText('Novo');

  const timeline = page.getByRole('region', { name: 'Linha do tempo' });
  await expect(timeline).toContainText(text);
  await timeline.getByRole('link', { name: `Ticket #${ticketNumber}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^#${ticketNumber} Meu pedido 4471`) })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Fila' })).toHaveAttribute('aria-current', 'page');
});

test('a customer profile: search by phone in any format, per-field errors, save, audited CPF reveal', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await openFirstTicket(page);
  const customerLink = page.getByRole('region', { name: 'Cliente', exact: true }).getByRole('link').nth(1);
  const name = (await customerLink.textContent()) ?? '';
  await customerLink.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Found again by the phone, typed the way a customer would say it.
  const profile = page.getByRole('region', { name: 'Perfil' });
  const shown = (await profile.getByText(/^\(\d\d\) \d{4,5}-\d{4}$/).first().textContent()) ?? '';
  const digits = shown.replace(/\D/g, '');
  await page.getByRole('link', { name: 'Voltar para a busca' }).click();
  await page.getByRole('searchbox', { name: 'Buscar clientes' }).fill(`0${digits.slice(0, 2)} ${digits.slice(2, -4)} ${digits.slice(-4)}`);
  await page.getByRole('list', { name: 'Clientes encontrados' }).getByRole('link', { name: new RegExp(name) }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByRole('button', { name: 'Editar perfil' }).click();
  const dialog = page.getByRole('dialog', { name: 'Editar perfil' });
  await dialog.getByLabel('CPF').fill('111.111.111-11');
  const phones = dialog.getByLabel('Telefones');
  await phones.fill(`${await phones.inputValue()}\nnão é telefone`);
  await dialog.getByLabel('E-mails').fill('sem-arroba');
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Corrija os campos indicados.');
  await expect(dialog.getByText('CPF inválido: confira os dígitos.')).toBeVisible();
  await expect(dialog.getByText('Telefone inválido: não é telefone')).toBeVisible();
  await expect(dialog.getByText('E-mail inválido: sem-arroba')).toBeVisible();
  await expect(dialog.getByLabel('CPF')).toBeFocused();
  await expect(dialog.getByLabel('CPF')).toHaveAttribute('aria-invalid', 'true');

  const cpf = cpfWithCheckDigits(String(100_000_000 + Math.floor(Math.random() * 800_000_000)));
  await dialog.getByLabel('CPF').fill(formatCpf(cpf));
  await phones.fill(shown);
  await dialog.getByLabel('E-mails').fill('cliente.e2e@exemplo.com.br');
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Perfil salvo.' })).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // Masked until revealed; revealing is a deliberate (audited) click.
  const masked = `***.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-**`;
  await expect(profile.getByText(masked)).toBeVisible();
  await expect(profile).toContainText('cliente.e2e@exemplo.com.br');
  await profile.getByRole('button', { name: 'Revelar' }).click();
  await expect(profile.getByText(formatCpf(cpf))).toBeVisible();
  await profile.getByRole('button', { name: 'Ocultar' }).click();
  await expect(profile.getByText(masked)).toBeVisible();
});

test('a supervisor merges a duplicate customer into the one that stays', async ({ page, server }) => {
  const phone = freshMobile();
  const delivered = await postInbound(server.url, {
    channel: 'chat',
    conversationId: uniqueId('chat'),
    externalId: uniqueId('chatmsg'),
    sender: { name: 'Duplicado Teste', phone: phone.typed },
    text: 'Oi, é o mesmo cliente de outro cadastro.',
    sentAt: new Date().toISOString(),
  });
  expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);

  await login(page, 'supervisor', DEMO_PASSWORD);
  await page.goto(`/#/customers/${delivered.body.customerId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Duplicado Teste' })).toBeVisible();
  await page.getByRole('button', { name: 'Mesclar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mesclar cliente' });
  await dialog.getByLabel('Cliente que vai ficar').fill('Silva');
  await dialog.getByRole('button', { name: /Escolher/ }).first().click();
  const keptName = ((await dialog.getByText('Fica com tudo').locator('..').locator('strong').textContent()) ?? '').trim();
  await dialog.getByRole('button', { name: 'Mesclar cadastros' }).click();
  await expect(page.getByRole('heading', { level: 1, name: keptName })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Linha do tempo' })).toContainText('Oi, é o mesmo cliente de outro cadastro.');
});
