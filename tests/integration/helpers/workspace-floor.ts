import type { ManualClock } from '../../../main/domain/shared/clock';
import { ADMIN_PASSWORD, type Caller, type TestCore } from './test-core';

/** Two teams, two agents in "Geral", one in "Digital", a supervisor, a customer with CPF. */
export async function workspaceFloor(t: TestCore, clock: ManualClock) {
  const { caller: admin } = await t.login('admin', ADMIN_PASSWORD);
  const now = clock.now().toISOString();
  await t.core.services.store.write((tx) => {
    tx.put('teams', { id: 'team_geral', createdAt: now, updatedAt: now, version: 0, name: 'Geral', tier: 1, description: '' });
    tx.put('teams', { id: 'team_digital', createdAt: now, updatedAt: now, version: 0, name: 'Digital', tier: 1, description: '' });
    tx.put('teams', { id: 'team_n2', createdAt: now, updatedAt: now, version: 0, name: 'N2', tier: 2, description: '' });
  });
  const mk = async (username: string, role: 'agent' | 'supervisor', teamIds: string[]) => {
    await admin.users.create({ username, displayName: username.toUpperCase(), role, password: `senha-${username}-123`, teamIds });
    return (await t.login(username, `senha-${username}-123`)).caller;
  };
  const ana = await mk('ana', 'agent', ['team_geral']);
  const bia = await mk('bia', 'agent', ['team_geral']);
  const caio = await mk('caio', 'agent', ['team_digital']);
  const sup = await mk('sup', 'supervisor', ['team_geral', 'team_digital']);
  const customer = await admin.customers.create({ name: 'Conceição Araújo', cpf: '529.982.247-25', phones: ['(11) 98765-4321'], emails: ['conceicao@exemplo.com.br'] });
  const ticket = async (caller: Caller, subject: string, extra: Record<string, unknown> = {}) =>
    caller.tickets.create({ subject, channel: 'email', requesterId: customer.id, body: `${subject}: detalhes`, ...extra });
  return { admin, ana, bia, caio, sup, customer, ticket };
}
