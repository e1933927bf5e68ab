import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import type { ScreenPop } from '../../../renderer/features/cti/call-state';
import { popAnnouncement, popNotice } from '../../../renderer/features/cti/pop-text';

async function translator(lng: 'pt-BR' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ resources, lng, fallbackLng: 'pt-BR', interpolation: { escapeValue: false } });
  return i18n.t;
}

function pop(overrides: Partial<ScreenPop> = {}): ScreenPop {
  return { callId: 'c1', ani: '011987654321', dnis: null, queue: 'atendimento', extension: '2001', ivr: {}, at: '2026-11-20T13:00:00.000Z', matchedBy: null, matches: [], view: null, ...overrides };
}
function one(name: string, openTickets: number): Partial<ScreenPop> {
  const customer = { id: 'cus_1', name } as ScreenPop['matches'][number];
  return { matches: [customer], view: { customer, stats: { openTickets } } as unknown as ScreenPop['view'] };
}

describe('screen pop texts', () => {
  it('announce the caller, queue and who it is (pt-BR)', async () => {
    const t = await translator('pt-BR');
    expect(popAnnouncement(pop(one('Conceição Araújo', 2)), t)).toBe('Chamada recebida de (11) 98765-4321, fila atendimento. Cliente: Conceição Araújo, 2 tickets abertos.');
    expect(popAnnouncement(pop({ ...one('Ana', 0), queue: null }), t)).toBe('Chamada recebida de (11) 98765-4321. Cliente: Ana, nenhum ticket aberto.');
    expect(popAnnouncement(pop({ matches: [{ id: 'a' }, { id: 'b' }] as ScreenPop['matches'] }), t)).toContain('2 clientes com este número: escolha quem está ligando.');
    expect(popAnnouncement(pop({ ani: null }), t)).toBe('Chamada recebida de Número não identificado, fila atendimento. Número não cadastrado.');
  });

  it('name the browser notification after the customer, or the number (en)', async () => {
    const t = await translator('en');
    expect(popNotice(pop(one('Conceição Araújo', 1)), t)).toEqual({ title: 'Call from Conceição Araújo', body: '(11) 98765-4321 · Queue atendimento · 1 open ticket' });
    expect(popNotice(pop({ queue: null }), t)).toEqual({ title: 'Call from (11) 98765-4321', body: 'Number not on file' });
  });
});
