import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { apiAs } from './fixtures/api';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expect, test } from './fixtures/server';

const OUT = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const SCREENS = [
  { route: 'queue', title: { 'pt-BR': 'Fila', en: 'Queue' } },
  { route: 'customers', title: { 'pt-BR': 'Clientes', en: 'Customers' } },
  { route: 'supervisor', title: { 'pt-BR': 'Supervisão', en: 'Supervisor' } },
  { route: 'kb', title: { 'pt-BR': 'Base de conhecimento', en: 'Knowledge base' } },
  { route: 'admin', title: { 'pt-BR': 'Administração', en: 'Admin' } },
  { route: 'nope', title: { 'pt-BR': 'Página não encontrada', en: 'Page not found' } },
] as const;

const TEXT = {
  'pt-BR': {
    username: 'Usuário',
    password: 'Senha',
    submit: 'Entrar',
    wrong: 'Usuário ou senha incorretos.',
    table: 'Tickets da fila',
    history: 'Histórico da conversa',
    customerPanel: 'Cliente',
    lastContact: 'Último contato',
    searchCustomers: 'Buscar clientes',
    results: 'Clientes encontrados',
    macros: 'Macros',
    escalate: 'Escalar',
    channel: 'Canal',
    shortcuts: 'Atalhos de teclado',
    macroSearch: 'Buscar macro',
    editProfile: 'Editar perfil',
    save: 'Salvar',
  },
  en: {
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'Wrong username or password.',
    table: 'Queue tickets',
    history: 'Conversation history',
    customerPanel: 'Customer',
    lastContact: 'Last contact',
    searchCustomers: 'Search customers',
    results: 'Customers found',
    macros: 'Macros',
    escalate: 'Escalate',
    channel: 'Channel',
    shortcuts: 'Keyboard shortcuts',
    macroSearch: 'Search macros',
    editProfile: 'Edit profile',
    save: 'Save',
  },
} as const;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}${name}.png`, animations: 'disabled', caret: 'hide' });
}

/** Every screen in both languages and both themes, for a person to look at (test-results/screenshots/). */
for (const language of ['pt-BR', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots: ${language} ${theme}`, async ({ page }) => {
      // Every screen and dialog in one walk: longer than the default budget on a busy CI machine.
      test.setTimeout(150_000);
      mkdirSync(OUT, { recursive: true });
      const suffix = `${language}-${theme}`;
      const text = TEXT[language];
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        // A failed request logs "Failed to load resource"; its location names the procedure.
        if (message.type() === 'error') consoleErrors.push(`${message.text()} @ ${message.location().url}`);
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.addInitScript(
        ([lng, thm]) => {
          localStorage.setItem('atende.language', lng);
          localStorage.setItem('atende.theme', thm);
        },
        [language, theme] as const,
      );

      await page.goto('/');
      await expect(page.getByLabel(text.username)).toBeFocused();
      await shot(page, `login-${suffix}`);

      await page.getByLabel(text.username).fill('agente1');
      await page.getByLabel(text.password, { exact: true }).fill('wrong-password');
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('alert')).toHaveText(text.wrong);
      await shot(page, `login-error-${suffix}`);

      await page.getByLabel(text.username).fill('admin');
      await page.getByLabel(text.password, { exact: true }).fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('row').nth(2)).toBeVisible();

      for (const screen of SCREENS) {
        await page.goto(`/#/${screen.route}`);
        await expect(page.getByRole('heading', { level: 1, name: screen.title[language] })).toBeVisible();
        if (screen.route === 'queue') await expect(page.getByRole('row').nth(2)).toBeVisible();
        await shot(page, `${screen.route}-${suffix}`);
      }

      // Supervisor: the live wallboard, its TV mode, the reports and a chart point's drill-down.
      await page.goto('/#/supervisor');
      await expect(page.getByTestId('calls-waiting')).toBeVisible();
      await shot(page, `supervisor-wallboard-${suffix}`);
      await page.goto('/#/supervisor/tv');
      await expect(page.getByTestId('tv-calls-waiting')).toBeVisible();
      await shot(page, `supervisor-tv-${suffix}`);
      await page.keyboard.press('Escape');
      await page.goto('/#/supervisor/reports');
      await expect(page.locator('.sv-chart .recharts-line').first()).toBeVisible();
      await shot(page, `supervisor-reports-${suffix}`);
      await page.locator('.sv-chart .recharts-surface').first().click({ position: { x: 200, y: 110 } });
      await expect(page.getByRole('dialog').getByRole('row').nth(1)).toBeVisible();
      await shot(page, `supervisor-drilldown-${suffix}`);
      await page.keyboard.press('Escape');
      await page.goto('/#/supervisor/surveys');
      await expect(page.getByRole('button', { name: language === 'en' ? 'Save settings' : 'Salvar configurações' })).toBeVisible();
      await shot(page, `supervisor-surveys-${suffix}`);

      // The workspace screens: a ticket, its customer's 360°, the customer search, the macros admin.
      await page.goto('/#/queue');
      const firstTicket = page.getByRole('table', { name: text.table }).getByRole('row').nth(1);
      await firstTicket.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: text.history }).getByRole('listitem').first()).toBeVisible();
      await shot(page, `ticket-${suffix}`);
      await page.keyboard.press('e');
      const escalate = page.getByRole('dialog');
      await escalate.getByRole('button', { name: text.escalate }).click();
      await expect(escalate.getByRole('combobox').first()).toHaveAttribute('aria-invalid', 'true');
      await shot(page, `ticket-escalate-${suffix}`);
      await page.keyboard.press('Escape');
      await expect(escalate).toHaveCount(0);

      await page.getByRole('region', { name: text.customerPanel, exact: true }).getByRole('link').nth(1).click();
      await expect(page.getByRole('region', { name: text.lastContact })).toBeVisible();
      await shot(page, `customer-360-${suffix}`);
      await page.mouse.wheel(0, 800);
      await shot(page, `customer-360-lower-${suffix}`);
      await page.getByRole('button', { name: text.editProfile }).click();
      const edit = page.getByRole('dialog', { name: text.editProfile });
      await edit.getByLabel('CPF').fill('123.456.789-00');
      await edit.getByRole('button', { name: text.save }).click();
      await expect(edit.getByLabel('CPF')).toHaveAttribute('aria-invalid', 'true');
      await shot(page, `customer-edit-${suffix}`);
      await page.keyboard.press('Escape');
      await expect(edit).toHaveCount(0);

      await page.goto('/#/customers');
      await page.getByRole('searchbox', { name: text.searchCustomers }).fill('Silva');
      await expect(page.getByRole('list', { name: text.results }).getByRole('link').first()).toBeVisible();
      await shot(page, `customers-search-${suffix}`);

      await page.goto('/#/admin');
      await page.getByRole('region', { name: text.macros }).getByRole('button').nth(1).click();
      await expect(page.getByRole('form')).toBeVisible();
      await shot(page, `admin-macro-${suffix}`);

      // Admin: an automation rule being built (a server error on a condition, then a dry run), SLA, its dialogs.
      const en = language === 'en';
      await page.goto('/#/admin/rules');
      await page.getByRole('button', { name: en ? 'New rule' : 'Nova regra' }).click();
      const rule = page.getByRole('form', { name: en ? 'New rule' : 'Nova regra' });
      await rule.getByLabel(en ? 'Rule name' : 'Nome da regra').fill('WhatsApp VIP');
      await rule.getByRole('button', { name: en ? 'Add condition' : 'Adicionar condição' }).click();
      await rule.getByRole('button', { name: en ? 'Add condition' : 'Adicionar condição' }).click();
      const tagCondition = rule.getByRole('group', { name: en ? 'Condition 2' : 'Condição 2' });
      await tagCondition.getByLabel(en ? 'Field' : 'Campo').selectOption('customer_tags');
      await tagCondition.getByLabel(en ? 'Value' : 'Valor').fill('cliente vip');
      await rule.getByRole('button', { name: en ? 'Add action' : 'Adicionar ação' }).click();
      await rule.getByRole('button', { name: en ? 'Create rule' : 'Criar regra' }).click();
      await expect(tagCondition.getByLabel(en ? 'Value' : 'Valor')).toHaveAttribute('aria-invalid', 'true');
      await shot(page, `admin-rule-errors-${suffix}`);
      await tagCondition.getByLabel(en ? 'Value' : 'Valor').fill('vip');
      await rule.getByRole('group', { name: en ? 'Action 2' : 'Ação 2' }).getByLabel('Tag').fill('vip');
      const dryRun = page.getByRole('region', { name: en ? 'Test against a ticket' : 'Testar com um ticket' });
      await dryRun.getByLabel(en ? 'Ticket number' : 'Número do ticket').fill('1');
      await dryRun.getByRole('button', { name: en ? 'Test' : 'Testar' }).click();
      await expect(dryRun.getByRole('listitem').first()).toBeVisible();
      await dryRun.scrollIntoViewIfNeeded();
      await shot(page, `admin-rule-dry-run-${suffix}`);
      await page.goto('/#/admin/sla');
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await shot(page, `admin-sla-${suffix}`);
      await page.getByRole('button', { name: en ? /^Edit / : /^Editar / }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, `admin-sla-policy-${suffix}`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: en ? 'New calendar' : 'Novo calendário' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, `admin-sla-calendar-${suffix}`);
      await page.keyboard.press('Escape');
      await page.goto('/#/admin/audit');
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await shot(page, `admin-audit-${suffix}`);

      await page.goto('/#/queue');
      await page.getByRole('button', { name: text.channel }).click();
      await expect(page.getByRole('group', { name: text.channel })).toBeVisible();
      await shot(page, `queue-filter-menu-${suffix}`);
      await page.keyboard.press('Escape');
      await page.getByRole('table', { name: text.table }).getByRole('row').nth(1).focus();
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: text.shortcuts })).toBeVisible();
      await shot(page, `shortcuts-${suffix}`);
      await page.keyboard.press('Escape');

      // An agent's view of the queue (fewer navigation items), keyboard focus on a row.
      await page.goto('/#/queue');
      await page.getByRole('button', { name: language === 'en' ? 'Sign out' : 'Sair' }).click();
      await page.getByLabel(text.username).fill('agente1');
      await page.getByLabel(text.password, { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: text.submit }).click();
      const firstRow = page.getByRole('row').nth(1);
      await expect(firstRow).toBeVisible();
      await firstRow.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await shot(page, `queue-agent-${suffix}`);

      // The composer: an internal note in progress, then the macro picker.
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: text.history }).getByRole('listitem').first()).toBeVisible();
      await page.keyboard.press('n');
      await page.keyboard.type('Cliente pediu retorno depois das 18h.');
      await shot(page, `ticket-note-${suffix}`);
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Delete');
      await page.keyboard.press('/');
      await expect(page.getByRole('combobox', { name: text.macroSearch })).toBeFocused();
      await shot(page, `ticket-macros-${suffix}`);

      // The only expected errors: the wrong credentials on the first login (401 from auth.login) and the
      // rule saved with invalid tags (400 from automation.save, shown on the fields above).
      const expected = [/status of 401 .*@ .*\/trpc\/auth\.login/, /status of 400 .*@ .*\/trpc\/automation\.save/];
      expect(consoleErrors.filter((e) => !expected.some((pattern) => pattern.test(e)))).toEqual([]);
    });
  }
}

const CTI_TEXT = {
  'pt-BR': {
    ready: 'Telefone pronto',
    ringing: 'Chamada recebida',
    talking: 'Em ligação',
    held: 'Em espera',
    wrapUp: 'Pós-atendimento',
    missed: 'Chamada perdida',
    minimize: 'Minimizar',
    close: 'Fechar',
    outcome: 'Resultado da ligação',
    outcomeOption: 'Pedido / entrega',
    notes: 'Anotações',
    newTicket: 'Abrir novo ticket',
    fcr: 'Resolvido nesta ligação',
    chooser: '2 clientes com este número',
    quickCreate: 'Número não cadastrado',
    name: 'Nome completo',
    simulator: 'Simulador de chamadas',
    extension: 'Ramal do agente',
    caller: 'Número de quem liga',
    ring: 'Tocar',
    answer: 'Atender',
    events: 'Eventos enviados',
  },
  en: {
    ready: 'Phone ready',
    ringing: 'Incoming call',
    talking: 'On a call',
    held: 'On hold',
    wrapUp: 'Wrap-up',
    missed: 'Missed call',
    minimize: 'Minimize',
    close: 'Close',
    outcome: 'Call outcome',
    outcomeOption: 'Order / delivery',
    notes: 'Notes',
    newTicket: 'Open a new ticket',
    fcr: 'Resolved on this call',
    chooser: '2 customers with this number',
    quickCreate: 'Number not on file',
    name: 'Full name',
    simulator: 'Call simulator',
    extension: "Agent's extension",
    caller: "Caller's number",
    ring: 'Ring',
    answer: 'Answer',
    events: 'Events sent',
  },
} as const;

/** The telephony screens (screen pop with one match, call, call bar, wrap-up, chooser, quick-create, simulator), driven through the simulator API. */
for (const language of ['pt-BR', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots: cti ${language} ${theme}`, async ({ page, browser, server }) => {
      mkdirSync(OUT, { recursive: true });
      const suffix = `${language}-${theme}`;
      const text = CTI_TEXT[language];
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        // A failed request logs "Failed to load resource"; its location names the procedure.
        if (message.type() === 'error') consoleErrors.push(`${message.text()} @ ${message.location().url}`);
      });
      const init = ([lng, thm]: readonly [string, string]) => {
        localStorage.setItem('atende.language', lng);
        localStorage.setItem('atende.theme', thm);
      };
      await page.addInitScript(init, [language, theme] as const);

      const admin = await apiAs(server.url, 'admin', ADMIN_PASSWORD);
      const trainer = await apiAs(server.url, 'supervisor', DEMO_PASSWORD);
      // A demo customer with history (tickets, calls, surveys) rings; two share another number; a third number is unknown.
      const candidates = (await admin.customers.search.query({ text: 'Silva', limit: 40 })).filter((c) => c.phones.length > 0);
      let known = candidates[0];
      for (const c of candidates) {
        const v = await admin.customers.view360.query({ id: c.id });
        if (v.openTickets.length >= 2 && v.stats.csatAverage !== null) {
          known = c;
          break;
        }
      }
      const shared = '(21) 3344-5566';
      await admin.customers.create.mutate({ name: 'Osvaldo Prado', phones: [shared], tags: ['empresa'] });
      await admin.customers.create.mutate({ name: 'Lívia Prado', phones: [shared], cpf: '529.982.247-25' });
      const event = (callId: string, state: 'ringing' | 'answered' | 'held' | 'ended' | 'abandoned', ani: string | null, extra: { queue?: string; ivr?: Record<string, string> } = {}) =>
        trainer.cti.simulate.mutate({ callId, linkedId: callId, state, ani, dnis: '08007001234', queue: extra.queue ?? 'atendimento', extension: '2001', ivr: extra.ivr ?? {}, at: new Date().toISOString() });

      await page.goto('/');
      await page.getByRole('textbox').first().fill('agente1');
      await page.locator('input[type=password]').fill(DEMO_PASSWORD);
      await page.locator('button[type=submit]').click();
      await expect(page.getByText(text.ready)).toBeVisible();
      await expect(page.getByRole('row').nth(2)).toBeVisible();

      const callId = `shot-${suffix}`;
      await event(callId, 'ringing', known?.phones[0]?.replace('+55', '0') ?? null, { ivr: { protocolo: '2026-0042' } });
      const pop = page.getByRole('region', { name: text.ringing });
      await expect(pop.getByRole('heading', { name: known?.name ?? '' })).toBeVisible();
      await shot(page, `cti-pop-${suffix}`);

      await event(callId, 'answered', null);
      await expect(page.getByRole('region', { name: text.talking })).toBeVisible();
      await shot(page, `cti-call-${suffix}`);
      await event(callId, 'held', null);
      const held = page.getByRole('region', { name: text.held });
      await expect(held).toBeVisible();
      await held.getByRole('button', { name: text.minimize }).click();
      await expect(held).toHaveCount(0);
      await shot(page, `cti-call-bar-${suffix}`);

      await event(callId, 'ended', null);
      const wrap = page.getByRole('region', { name: text.wrapUp });
      await expect(wrap).toBeVisible();
      await wrap.getByLabel(text.outcome).selectOption({ label: text.outcomeOption });
      await wrap.getByLabel(text.notes).fill(language === 'en' ? 'Customer told the order ships tomorrow.' : 'Cliente informado: o pedido sai amanhã.');
      await wrap.getByText(text.newTicket).click();
      await wrap.getByLabel(text.fcr).check();
      await shot(page, `cti-wrap-up-${suffix}`);
      await wrap.getByRole('button', { name: language === 'en' ? 'Finish wrap-up' : 'Concluir pós-atendimento' }).click();
      await expect(wrap).toHaveCount(0);

      await event(`${callId}-b`, 'ringing', '021 3344-5566', { queue: 'financeiro' });
      await expect(page.getByRole('region', { name: text.ringing }).getByRole('heading', { name: text.chooser })).toBeVisible();
      await shot(page, `cti-chooser-${suffix}`);
      await event(`${callId}-b`, 'abandoned', null);
      const missed = page.getByRole('region', { name: text.missed });
      await missed.getByRole('button', { name: text.close }).click();
      await expect(missed).toHaveCount(0);

      await event(`${callId}-c`, 'ringing', '+55 (31) 99876-1234', { queue: 'suporte', ivr: { cpf: '11144477735' } });
      const quick = page.getByRole('region', { name: text.ringing });
      await expect(quick.getByRole('heading', { name: text.quickCreate })).toBeVisible();
      await quick.getByLabel(text.name).fill('Benedita Nunes');
      await shot(page, `cti-quick-create-${suffix}`);
      await event(`${callId}-c`, 'abandoned', null);
      await page.getByRole('region', { name: text.missed }).getByRole('button', { name: text.close }).click();

      // The simulator, as a trainer sees it after ringing and answering a call.
      const context = await browser.newContext({ locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', colorScheme: theme, viewport: { width: 1280, height: 720 } });
      const sim = await context.newPage();
      await sim.addInitScript(init, [language, theme] as const);
      await sim.goto('/');
      await sim.getByRole('textbox').first().fill('supervisor');
      await sim.locator('input[type=password]').fill(DEMO_PASSWORD);
      await sim.locator('button[type=submit]').click();
      await expect(sim.getByRole('row').nth(2)).toBeVisible();
      await sim.goto('/#/simulator');
      await expect(sim.getByRole('heading', { level: 1, name: text.simulator })).toBeVisible();
      await sim.getByLabel(text.extension).selectOption('2002');
      await sim.getByLabel(text.caller).fill('(11) 3456-7890');
      await sim.getByRole('button', { name: text.ring }).click();
      await sim.getByRole('button', { name: text.answer }).click();
      await expect(sim.getByRole('table', { name: text.events }).getByRole('row')).toHaveCount(3);
      await sim.screenshot({ path: `${OUT}cti-simulator-${suffix}.png`, animations: 'disabled', caret: 'hide' });
      await context.close();

      expect(consoleErrors).toEqual([]);
    });
  }
}
