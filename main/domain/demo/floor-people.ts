import { cpfWithCheckDigits } from '../../../shared/br/cpf';
import type { AgentState, Customer, PauseReason, Team, User } from '../../../shared/schemas';
import { DDDS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from './demo-content';
import { DAY, MINUTE, type DemoUser, type FloorOptions } from './floor-types';
import type { Prng } from './prng';

export interface TeamPlan {
  key: string;
  name: string;
  tier: number;
  description: string;
}

export const TEAM_PLANS: readonly TeamPlan[] = [
  { key: 'geral', name: 'Atendimento Geral', tier: 1, description: 'Telefone e e-mail, primeiro nível' },
  { key: 'digital', name: 'Canais Digitais', tier: 1, description: 'WhatsApp, chat, redes sociais e formulário' },
  { key: 'n2', name: 'Suporte Técnico N2', tier: 2, description: 'Casos técnicos escalados do primeiro nível' },
  { key: 'financeiro', name: 'Especialistas Financeiro', tier: 3, description: 'Contestações, estornos e renegociação' },
  { key: 'vip', name: 'Atendimento VIP', tier: 1, description: 'Clientes VIP, por regra de automação' },
];

const AGENT_NAMES = [
  'Ana Paula Souza', 'Bruno Carvalho', 'Camila Rocha', 'Diego Martins', 'Eduarda Lima', 'Felipe Araújo',
  'Gabriela Nunes', 'Henrique Dias', 'Isabela Costa', 'João Pedro Alves', 'Karina Mendes', 'Lucas Ferreira',
];

export function generateUsers(rng: Prng, opts: FloorOptions, teams: Team[]): DemoUser[] {
  const created = new Date(opts.now.getTime() - (opts.days + 30) * DAY).toISOString();
  const user = (username: string, displayName: string, role: User['role'], teamIds: string[], extension: string | null, state: AgentState, pause: PauseReason | null, sinceMinutes: number): DemoUser => ({
    id: `usr_demo_${username}`,
    createdAt: created,
    updatedAt: created,
    version: 0,
    username,
    displayName,
    role,
    extension,
    teamIds,
    skills: [],
    state,
    pauseReason: pause,
    stateSince: new Date(opts.now.getTime() - sinceMinutes * MINUTE).toISOString(),
    active: true,
    language: null,
  });
  const users: DemoUser[] = [user('supervisor', 'Carla Menezes', 'supervisor', teams.map((t) => t.id), '2000', 'available', null, 95)];
  const count = opts.agents ?? 12;
  // A live-looking floor: most agents working, some paused, a couple logged off.
  const states: [AgentState, PauseReason | null][] = [
    ['available', null], ['in_call', null], ['available', null], ['wrap_up', null], ['in_call', null], ['paused', 'lunch'],
    ['available', null], ['in_call', null], ['paused', 'break'], ['available', null], ['offline', null], ['paused', 'training'],
  ];
  for (let i = 1; i <= count; i++) {
    const team = i <= 6 ? 'team_geral' : i <= 10 ? 'team_digital' : i === 11 ? 'team_n2' : 'team_financeiro';
    const extra = i === 3 ? ['team_digital'] : i === 8 ? ['team_geral'] : i === 10 ? ['team_vip'] : [];
    const [state, pause] = states[(i - 1) % states.length] as [AgentState, PauseReason | null];
    const u = user(`agente${i}`, AGENT_NAMES[(i - 1) % AGENT_NAMES.length] as string, 'agent', [team, ...extra], String(2000 + i), state, pause, rng.int(1, 55));
    u.skills = [
      { name: 'portugues', level: 5 },
      ...(i % 3 === 0 ? [{ name: 'ingles', level: rng.int(2, 4) }] : []),
      ...(team === 'team_n2' ? [{ name: 'tecnico', level: 4 }] : []),
      ...(team === 'team_financeiro' ? [{ name: 'financeiro', level: 5 }] : []),
    ];
    users.push(u);
  }
  return users;
}

export function generateCustomer(rng: Prng, index: number, createdAt: string): Customer {
  const first = rng.pick(FIRST_NAMES);
  const last = `${rng.pick(LAST_NAMES)}${rng.chance(0.4) ? ` ${rng.pick(LAST_NAMES)}` : ''}`;
  const name = `${first} ${last}`;
  const ddd = rng.pick(DDDS);
  const mobile = `+55${ddd}9${rng.int(6, 9)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  const phones = [mobile];
  if (rng.chance(0.25)) phones.push(`+55${ddd}${rng.int(2, 5)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`);
  const slug = `${first}.${last.split(' ')[0]}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const emails = rng.chance(0.8) ? [`${slug}${index}@${rng.pick(EMAIL_DOMAINS)}`] : [];
  const tags = [...(rng.chance(0.06) ? ['vip'] : []), ...(rng.chance(0.1) ? ['pj'] : []), ...(rng.chance(0.04) ? ['inadimplente'] : [])];
  return {
    id: rng.id('cus'),
    createdAt,
    updatedAt: createdAt,
    version: 0,
    name,
    cpf: rng.chance(0.85) ? cpfWithCheckDigits(String(rng.int(100_000_000, 999_999_998))) : null,
    phones,
    emails,
    handles: [],
    tags,
    notes: '',
    consent: { marketing: rng.chance(0.3), surveys: rng.chance(0.92), recording: true, updatedAt: createdAt },
    mergedInto: null,
  };
}
