import { apiAs, type Api } from './fixtures/api';
import type { Page } from '@playwright/test';
import { FakePbx } from '../fixtures/fake-pbx';
import { login } from './fixtures/app';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expect, test as base } from './fixtures/server';

/**
 * CTI screen pop end to end: a fake Asterisk speaking real AMI over TCP on loopback, the server
 * connected to it from its config.json, agents in Chromium. Labels are the pt-BR texts an agent
 * reads (kept here rather than imported, so a catalog typo fails a test).
 */
const test = base.extend<{ pbx: FakePbx }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  pbx: async ({}, use) => {
    const pbx = await FakePbx.start();
    try {
      await use(pbx);
    } finally {
      await pbx.close();
    }
  },
  serverConfig: async ({ pbx }, use) =>
    use({
      ami: { enabled: true, host: pbx.host, port: pbx.port, username: 'atende', secret: 'atende-secret', reconnect: { initialDelayMs: 50, maxDelayMs: 500 } },
    }),
});

const adminApi = (baseUrl: string): Promise<Api> => apiAs(baseUrl, 'admin', ADMIN_PASSWORD);

/** A São Paulo mobile no demo customer has: as stored "(11) 9xxxx-xxxx" and as a PBX may send it "0119xxxxxxxx". */
function freshMobile() {
  const rest = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
  return { typed: `(11) 9${rest.slice(0, 4)}-${rest.slice(4)}`, trunk: `0119${rest}`, shown: `(11) 9${rest.slice(0, 4)}-${rest.slice(4)}` };
}

/** Signs in and waits until the screen pops can reach this agent (the call bar says so). */
async function signInAgent(page: Page, username: string): Promise<void> {
  await login(page, username, DEMO_PASSWORD);
  await expect(page.getByRole('group', { name: 'Telefonia' }).getByText('Telefone pronto')).toBeVisible();
}

const panel = (page: Page, phase: string) => page.getByRole('region', { name: phase });

test('the caller 360° pops before the agent answers; answer, hang-up, wrap-up; the call lands on the timeline with its times', async ({ page, server, pbx }) => {
  const api = await adminApi(server.url);
  const phone = freshMobile();
  const customer = await api.customers.create.mutate({ name: 'Conceição Araújo', phones: [phone.typed], tags: ['vip'] });
  const ticket = await api.tickets.create.mutate({ subject: 'Entrega atrasada', channel: 'whatsapp', requesterId: customer.id, body: 'Cadê meu pedido?' });

  await signInAgent(page, 'agente1');
  await pbx.waitForLogin(1);
  // The number in another format than stored: trunk prefix, no punctuation.
  await pbx.ringAgent({ callId: 'e2e-1700000001.10', ani: phone.trunk, extension: '2001', queue: 'atendimento', ivr: { PROTOCOLO: '2026-0042' } });

  const pop = panel(page, 'Chamada recebida');
  await expect(pop).toBeVisible();
  await expect(pop.getByText(phone.shown, { exact: true })).toBeVisible();
  await expect(pop.getByRole('heading', { name: 'Conceição Araújo' })).toBeVisible();
  await expect(pop).toContainText('Identificado pelo telefone');
  await expect(pop).toContainText('atendimento');
  await expect(pop).toContainText('2026-0042');
  await expect(pop.getByRole('region', { name: 'Tickets abertos' }).getByRole('link', { name: new RegExp(`#${ticket.number}.*Entrega atrasada`) })).toBeVisible();
  await expect(pop.getByRole('link', { name: 'Abrir 360°' })).toHaveAttribute('href', `#/customers/${customer.id}`);
  // Screen readers hear it at once; the page behind stays usable (no modal).
  await expect(page.getByText(`Chamada recebida de ${phone.shown}, fila atendimento. Cliente: Conceição Araújo, 1 ticket aberto.`)).toBeAttached();
  await expect(page.getByRole('heading', { level: 1, name: 'Fila' })).toBeVisible();

  await pbx.answer('e2e-1700000001.10');
  await expect(panel(page, 'Em ligação')).toBeVisible();
  const callBar = page.getByRole('group', { name: 'Telefonia' });
  await expect(callBar.getByRole('button', { name: /Em ligação.*Conceição Araújo/ })).toBeVisible();
  await expect(page.locator('.agent-state')).toContainText('Em chamada');
  // Keyboard: Alt+L goes to the call, Escape tucks the panel into the call bar, Alt+L brings it back.
  await page.keyboard.press('Alt+l');
  await expect(panel(page, 'Em ligação').getByRole('heading', { name: 'Em ligação' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel(page, 'Em ligação')).toHaveCount(0);
  await expect(callBar.getByRole('button', { name: /Em ligação/ })).toBeFocused();
  await page.keyboard.press('Alt+l');
  await expect(panel(page, 'Em ligação')).toBeVisible();
  await pbx.hold('e2e-1700000001.10');
  await expect(panel(page, 'Em espera')).toBeVisible();
  await pbx.unhold('e2e-1700000001.10');
  await expect(panel(page, 'Em ligação')).toBeVisible();
  await pbx.hangup('e2e-1700000001.10');

  const wrap = panel(page, 'Pós-atendimento');
  await expect(wrap).toBeVisible();
  await expect(page.locator('.agent-state')).toContainText('Pós-atendimento');
  await expect(wrap.getByRole('timer')).toBeVisible();
  // Saving without an outcome says what is missing.
  await wrap.getByRole('button', { name: 'Concluir pós-atendimento' }).click();
  await expect(wrap.getByLabel('Resultado da ligação')).toHaveAttribute('aria-invalid', 'true');
  await wrap.getByLabel('Resultado da ligação').selectOption({ label: 'Pedido / entrega' });
  await wrap.getByLabel('Anotações').fill('Cliente informado: o pedido sai amanhã.');
  await wrap.getByText('Vincular a um ticket aberto').click();
  await expect(wrap.getByLabel('Ticket aberto do cliente')).toHaveValue(ticket.id);
  await wrap.getByLabel('Resolvido nesta ligação').check();
  await wrap.getByRole('button', { name: 'Concluir pós-atendimento' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pós-atendimento registrado.' })).toBeVisible();
  await expect(wrap).toHaveCount(0);
  await expect(page.locator('.agent-state')).toContainText('Disponível');
  await expect(callBar.getByText('Telefone pronto')).toBeVisible();

  // The call on the customer's timeline: notes, ticket, talk and hold time.
  await page.goto(`/#/customers/${customer.id}`);
  const timeline = page.getByRole('region', { name: 'Linha do tempo' });
  const call = timeline.getByRole('listitem').filter({ hasText: 'Cliente informado: o pedido sai amanhã.' });
  await expect(call).toBeVisible();
  await expect(call).toContainText(/Conversa \d+:\d{2} · espera \d+:\d{2}/);
  await expect(call.getByRole('link', { name: `Ticket #${ticket.number}` })).toBeVisible();
  const view = await api.customers.view360.query({ id: customer.id });
  const stored = view.timeline.find((e) => e.kind === 'call');
  expect(stored?.call).toMatchObject({ callId: 'e2e-1700000001.10', wrapUp: { disposition: 'pedido', resolvedOnCall: true } });
  expect(stored?.call?.answeredAt && stored.call.endedAt).toBeTruthy();
});

test('several customers share the number: a chooser; the chosen one gets the new ticket', async ({ page, server, pbx }) => {
  const api = await adminApi(server.url);
  const phone = freshMobile();
  const father = await api.customers.create.mutate({ name: 'Osvaldo Prado', phones: [phone.typed] });
  await api.customers.create.mutate({ name: 'Lívia Prado', phones: [phone.typed], cpf: '529.982.247-25' });

  await signInAgent(page, 'agente1');
  await pbx.waitForLogin(1);
  await pbx.ringAgent({ callId: 'e2e-several.1', ani: phone.trunk, extension: '2001', queue: 'financeiro' });
  const pop = panel(page, 'Chamada recebida');
  await expect(pop.getByRole('heading', { name: '2 clientes com este número' })).toBeVisible();
  const choices = pop.getByRole('list', { name: 'Clientes possíveis' });
  await expect(choices.getByRole('button')).toHaveCount(2);
  await expect(choices.getByRole('button', { name: /Lívia Prado/ })).toContainText('***.982.247-**');
  await choices.getByRole('button', { name: /Osvaldo Prado/ }).click();
  await expect(pop.getByRole('heading', { name: 'Osvaldo Prado' })).toBeVisible();
  await expect(pop).toContainText('Escolhido por você');
  await expect(pop.getByRole('button', { name: 'Trocar cliente' })).toBeVisible();

  await pbx.answer('e2e-several.1');
  await pbx.hangup('e2e-several.1');
  const wrap = panel(page, 'Pós-atendimento');
  await expect(wrap.getByRole('link', { name: 'Osvaldo Prado' })).toBeVisible();
  await wrap.getByLabel('Resultado da ligação').selectOption({ label: 'Segunda via / boleto' });
  await wrap.getByText('Abrir novo ticket').click();
  await expect(wrap.getByLabel('Assunto do novo ticket')).toHaveValue('Ligação: Segunda via / boleto');
  await wrap.getByLabel('Anotações').press('Control+Enter');
  await expect(wrap).toHaveCount(0);
  const view = await api.customers.view360.query({ id: father.id });
  expect(view.openTickets.map((x) => x.subject)).toContain('Ligação: Segunda via / boleto');
});

test('an unknown number: quick-create prefilled with it; the wrap-up form comes back after a reload', async ({ page, server, pbx }) => {
  const api = await adminApi(server.url);
  const phone = freshMobile();
  await signInAgent(page, 'agente1');
  await pbx.waitForLogin(1);
  await pbx.ringAgent({ callId: 'e2e-unknown.1', ani: phone.trunk, extension: '2001' });

  const pop = panel(page, 'Chamada recebida');
  await expect(pop.getByRole('heading', { name: 'Número não cadastrado' })).toBeVisible();
  await expect(pop.getByLabel('Telefone')).toHaveValue(phone.shown);
  await pop.getByRole('button', { name: 'Cadastrar cliente' }).click();
  await expect(pop.getByLabel('Nome completo')).toBeFocused();
  await expect(pop.getByText('Informe o nome.')).toBeVisible();
  await pop.getByLabel('Nome completo').fill('Benedita Nunes');
  await pop.getByRole('button', { name: 'Cadastrar cliente' }).click();
  await expect(pop.getByRole('heading', { name: 'Benedita Nunes' })).toBeVisible();
  await expect(pop).toContainText('Cadastrado nesta ligação');
  const [created] = await api.customers.search.query({ text: phone.trunk });
  expect(created?.name).toBe('Benedita Nunes');

  await pbx.answer('e2e-unknown.1');
  await pbx.hangup('e2e-unknown.1');
  await expect(panel(page, 'Pós-atendimento')).toBeVisible();
  await page.reload();
  const wrap = panel(page, 'Pós-atendimento');
  await expect(wrap).toBeVisible();
  await expect(wrap.getByRole('link', { name: 'Benedita Nunes' })).toBeVisible();
  await wrap.getByLabel('Resultado da ligação').selectOption({ label: 'Outro (descrever)' });
  await wrap.getByLabel('Descreva o resultado').fill('Cadastro novo, sem demanda');
  await wrap.getByRole('button', { name: 'Concluir pós-atendimento' }).click();
  await expect(wrap).toHaveCount(0);
  const view = await api.customers.view360.query({ id: created?.id ?? '' });
  expect(view.timeline.find((e) => e.kind === 'call')?.call?.wrapUp?.disposition).toBe('Cadastro novo, sem demanda');
});

test('browser alerts: asked only from a click, raised for a pop while the tab is hidden', async ({ page, pbx }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __asked: number; __shown: { title: string; body: string }[] };
    w.__asked = 0;
    w.__shown = [];
    let permission: NotificationPermission = 'default';
    class FakeNotification {
      static get permission() {
        return permission;
      }
      static requestPermission() {
        w.__asked++;
        permission = 'granted';
        return Promise.resolve(permission);
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body: string }) {
        w.__shown.push({ title, body: options.body });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true });
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden', configurable: true });
  });
  await signInAgent(page, 'agente1');
  expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(0);
  await page.getByRole('button', { name: 'Ativar avisos de chamada' }).click();
  await expect(page.getByRole('button', { name: 'Ativar avisos de chamada' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(1);

  await pbx.waitForLogin(1);
  await pbx.ringAgent({ callId: 'e2e-hidden.1', ani: '21999990000', extension: '2001', queue: 'suporte' });
  await expect(panel(page, 'Chamada recebida')).toBeVisible();
  const shown = await page.evaluate(() => (window as unknown as { __shown: { title: string; body: string }[] }).__shown);
  expect(shown).toEqual([{ title: 'Chamada de (21) 99999-0000', body: 'Fila suporte · Número não cadastrado' }]);
});

test('click-to-dial: a phone on the 360 is a tel: link that logs the outbound call and stays on the page', async ({ page, server }) => {
  const api = await adminApi(server.url);
  const phone = freshMobile();
  const customer = await api.customers.create.mutate({ name: 'Raimundo Teles', phones: [phone.typed] });
  await login(page, 'agente1', DEMO_PASSWORD);
  await page.goto(`/#/customers/${customer.id}`);
  const link = page.getByRole('link', { name: phone.shown });
  await expect(link).toHaveAttribute('href', /^tel:\+55119\d{8}$/);
  await link.click();
  await expect(page.getByRole('status').filter({ hasText: `Ligação para ${phone.shown} registrada.` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/customers/${customer.id}$`));
  const view = await api.customers.view360.query({ id: customer.id });
  expect(view.timeline.find((e) => e.kind === 'call' && e.direction === 'outbound')?.call?.dnis).toMatch(/^\+55119/);
  // The customer's timeline says what the call was (the PBX reported no outcome), not "abandoned".
  await page.reload();
  const timeline = page.getByRole('region', { name: 'Linha do tempo' });
  await expect(timeline).toContainText('Ligação efetuada pelo clique para discar');
  await expect(timeline).not.toContainText('Ligação abandonada');
});

base('the call simulator drives a screen pop for an agent in another browser', async ({ browser, server }) => {
  const api = await adminApi(server.url);
  const phone = freshMobile();
  await api.customers.create.mutate({ name: 'Irene Sampaio', phones: [phone.typed] });
  const trainer = await (await browser.newContext()).newPage();
  const agent = await (await browser.newContext()).newPage();
  await signInAgent(agent, 'agente2');
  await login(trainer, 'supervisor', DEMO_PASSWORD);
  await trainer.getByRole('link', { name: 'Simulador de chamadas' }).click();
  await expect(trainer.getByRole('heading', { level: 1, name: 'Simulador de chamadas' })).toBeVisible();

  await trainer.getByLabel('Ramal do agente').selectOption('2002');
  await trainer.getByLabel('Preencher com um cliente').fill('Irene Sampaio');
  await trainer.getByRole('list', { name: 'Clientes encontrados' }).getByRole('button', { name: /Irene Sampaio/ }).click();
  await expect(trainer.getByLabel('Número de quem liga')).toHaveValue(phone.shown);
  const controls = trainer.getByRole('region', { name: 'Controles' });
  await expect(controls.getByRole('button', { name: 'Atender' })).toBeDisabled();
  await controls.getByRole('button', { name: 'Tocar' }).click();

  await expect(panel(agent, 'Chamada recebida').getByRole('heading', { name: 'Irene Sampaio' })).toBeVisible();
  await controls.getByRole('button', { name: 'Atender' }).click();
  await expect(panel(agent, 'Em ligação')).toBeVisible();
  await controls.getByRole('button', { name: 'Espera' }).click();
  await expect(panel(agent, 'Em espera')).toBeVisible();
  await controls.getByRole('button', { name: 'Retomar' }).click();
  await expect(panel(agent, 'Em ligação')).toBeVisible();
  await controls.getByRole('button', { name: 'Desligar' }).click();
  await expect(panel(agent, 'Pós-atendimento')).toBeVisible();

  const log = trainer.getByRole('table', { name: 'Eventos enviados' });
  await expect(log.getByRole('row')).toHaveCount(6);
  await expect(log.getByRole('row').nth(1)).toContainText('Desligar');
  await expect(log.getByRole('row').nth(5)).toContainText('Tocar');
  await expect(log).not.toContainText('Verifique');
  await expect(controls.getByRole('button', { name: 'Tocar' })).toBeEnabled();
});
