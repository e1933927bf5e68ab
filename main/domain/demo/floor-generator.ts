import type { Channel, Customer, Interaction, Priority, Survey, Ticket, TicketStatus } from '../../../shared/schemas';
import { INTAKE_TEAMS_SETTING } from '../intake/intake.service';
import { CATEGORIES, FOLLOW_UPS, MACROS, NOTES, type DemoCategory } from './demo-content';
import { generateAgentSpans } from './floor-agent-spans';
import { generateKb } from './floor-kb';
import { abandonedCalls, callTimes, contactTime, generateSurvey } from './floor-contacts';
import { TEAM_PLANS, generateCustomer, generateUsers, type TeamPlan } from './floor-people';
import { DAY, HOUR, MINUTE, type DemoUser, type Floor, type FloorOptions } from './floor-types';
import { Prng } from './prng';

export type { DemoUser, Floor, FloorOptions } from './floor-types';

/** Channel mix of a Brazilian B2C operation: voice and WhatsApp lead. */
const CHANNEL_WEIGHTS: Record<Channel, number> = { phone: 32, whatsapp: 25, email: 18, chat: 14, social: 7, web: 4 };
const PRIORITY_WEIGHTS: Record<Priority, number> = { low: 15, normal: 55, high: 22, urgent: 8 };
/** First-response and resolution targets (minutes, calendar time) by priority. */
const SLA_MINUTES: Record<Priority, [number, number]> = { urgent: [30, 240], high: [120, 1440], normal: [480, 2880], low: [1440, 5760] };

/**
 * Generates a deterministic demo floor: teams (tier 1 → 3), a supervisor and agents, customers
 * with valid CPFs and Brazilian phones, tickets over the last `days` in every channel with their
 * messages, calls (with handle times) and status history, abandoned calls, and survey answers.
 * Pure: the same options give the same floor.
 */
export function generateFloor(opts: FloorOptions): Floor {
  const rng = new Prng(opts.seed);
  const nowMs = opts.now.getTime();
  const at = (ms: number) => new Date(Math.min(ms, nowMs)).toISOString();

  const teams: Floor['teams'] = TEAM_PLANS.map((p) => ({
    id: `team_${p.key}`,
    createdAt: at(nowMs - (opts.days + 30) * DAY),
    updatedAt: at(nowMs - (opts.days + 30) * DAY),
    version: 0,
    name: p.name,
    tier: p.tier,
    description: p.description,
    // Phone is the general team's channel: the PBX queue of the demo calls is theirs.
    ...(p.key === 'geral' ? { queues: ['atendimento'] } : {}),
  }));
  const teamId = (key: string) => `team_${key}`;

  const users = generateUsers(rng, opts, teams);
  const agentsByTeam = new Map(teams.map((t) => [t.id, users.filter((u) => u.role === 'agent' && u.teamIds.includes(t.id))]));
  const agentsOf = (team: string) => agentsByTeam.get(team) ?? [];

  const customers: Customer[] = [];
  for (let i = 0; i < opts.customers; i++) customers.push(generateCustomer(rng, i, at(nowMs - (opts.days + rng.int(1, 700)) * DAY)));

  const tickets: Ticket[] = [];
  const interactions: Interaction[] = [];
  const surveys: Survey[] = [];
  const interaction = (base: Omit<Interaction, 'id' | 'version' | 'updatedAt' | 'attachments' | 'externalId' | 'call' | 'event' | 'bodyFormat' | 'workSeconds'> & Partial<Interaction>): Interaction => {
    const record: Interaction = {
      id: rng.id('int'),
      version: 0,
      updatedAt: base.createdAt,
      bodyFormat: 'text',
      attachments: [],
      externalId: null,
      workSeconds: 0,
      call: null,
      event: null,
      ...base,
    };
    interactions.push(record);
    return record;
  };

  // A share of the contacts arrived in the last hours, so the floor opens with a live queue.
  const createdTimes = Array.from({ length: opts.tickets }, () => contactTime(rng, nowMs, rng.chance(0.05) ? Math.min(opts.days, 0.4) : opts.days)).sort((a, b) => a - b);
  for (let n = 0; n < opts.tickets; n++) {
    const createdMs = createdTimes[n] as number;
    const customer = customers[Math.floor(Math.pow(rng.next(), 1.6) * customers.length)] as Customer;
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const category = rng.pick(CATEGORIES);
    const priority = customer.tags.includes('vip') && rng.chance(0.5) ? 'high' : rng.weighted(PRIORITY_WEIGHTS);
    const ageHours = (nowMs - createdMs) / HOUR;
    const team = pickTeam(rng, channel, category);
    const teamAgents = agentsOf(teamId(team.key));
    const agent = rng.pick(teamAgents.length > 0 ? teamAgents : agentsOf(teamId('geral')));
    const status = pickStatus(rng, ageHours);
    const [frMinutes, resMinutes] = SLA_MINUTES[priority];
    const subject = rng.pick(category.subjects);
    const ticketId = rng.id('tkt');
    const created = at(createdMs);
    const base = { ticketId, customerId: customer.id, channel };

    let firstResponseMs: number | null = null;
    let lastActivityMs = createdMs;
    if (channel === 'phone') {
      const call = callTimes(rng, createdMs, agent, category, customer.phones[0] ?? null, status !== 'new' && status !== 'open');
      interaction({ ...base, createdAt: created, kind: 'call', direction: 'inbound', authorId: agent.id, authorName: agent.displayName, body: rng.pick(category.messages), call });
      firstResponseMs = Date.parse(call.answeredAt as string);
      lastActivityMs = Date.parse(call.wrapUp?.endedAt ?? (call.endedAt as string));
    } else {
      interaction({ ...base, createdAt: created, kind: 'message', direction: 'inbound', authorId: null, authorName: customer.name, body: rng.pick(category.messages) });
    }
    const answered = status !== 'new' && !(status === 'open' && rng.chance(0.4));
    if (channel !== 'phone' && answered) {
      const replyMs = createdMs + rng.duration(frMinutes * 0.35 * MINUTE, 0.8);
      if (replyMs < nowMs) {
        const workSeconds = rng.duration(240, 0.5);
        interaction({ ...base, createdAt: at(replyMs), kind: 'message', direction: 'outbound', authorId: agent.id, authorName: agent.displayName, body: rng.pick(category.replies), workSeconds });
        firstResponseMs = replyMs;
        lastActivityMs = replyMs;
        if (rng.chance(0.35)) {
          const followMs = replyMs + rng.duration(2 * HOUR, 0.9);
          if (followMs < nowMs) {
            interaction({ ...base, createdAt: at(followMs), kind: 'message', direction: 'inbound', authorId: null, authorName: customer.name, body: rng.pick(FOLLOW_UPS) });
            lastActivityMs = followMs;
          }
        }
      }
    }
    if (rng.chance(0.15) && lastActivityMs + 10 * MINUTE < nowMs) {
      interaction({ ...base, createdAt: at(lastActivityMs + 10 * MINUTE), kind: 'note', direction: 'internal', authorId: agent.id, authorName: agent.displayName, body: rng.pick(NOTES) });
    }

    const solved = status === 'solved' || status === 'closed';
    const solvedMs = solved ? Math.min(nowMs - MINUTE, Math.max(lastActivityMs, createdMs) + rng.duration(resMinutes * 0.4 * MINUTE, 0.9)) : null;
    const reopened = solved && rng.chance(0.05);
    const pausedSeconds = status === 'pending' || (solved && rng.chance(0.2)) ? rng.duration(3 * 3600, 0.8) : 0;
    const statusEvent = (ms: number, from: TicketStatus, to: TicketStatus, by: DemoUser | null) =>
      interaction({ ...base, createdAt: at(ms), kind: 'event', direction: 'internal', authorId: by?.id ?? null, authorName: by?.displayName ?? 'system', body: '', event: { type: 'status', from, to } });
    if (status !== 'new') statusEvent(firstResponseMs ?? createdMs + MINUTE, 'new', 'open', agent);
    if (solvedMs !== null) {
      statusEvent(solvedMs, 'open', 'solved', agent);
      if (status === 'closed') statusEvent(Math.min(nowMs, solvedMs + 4 * DAY), 'solved', 'closed', null);
    }

    const assigned = status !== 'new' || rng.chance(0.3);
    const updatedMs = Math.max(lastActivityMs, solvedMs ?? 0, status === 'closed' && solvedMs ? Math.min(nowMs, solvedMs + 4 * DAY) : 0);
    const ticket: Ticket = {
      id: ticketId,
      createdAt: created,
      updatedAt: at(updatedMs),
      version: 0,
      number: n + 1,
      subject,
      channel,
      status,
      priority,
      category: category.name,
      tags: ticketTags(rng, customer, channel),
      requesterId: customer.id,
      assigneeId: assigned ? agent.id : null,
      teamId: teamId(team.key),
      externalThreadId: channel === 'phone' ? null : `${channel}:${rng.hex(12)}`,
      sla: {
        policyId: null,
        firstResponseDueAt: at(createdMs + frMinutes * MINUTE),
        resolutionDueAt: new Date(createdMs + resMinutes * MINUTE + pausedSeconds * 1000).toISOString(),
        firstResponseAt: firstResponseMs !== null ? at(firstResponseMs) : null,
        pausedSeconds: status === 'pending' ? 0 : pausedSeconds,
        pausedSince: status === 'pending' ? at(Math.max(lastActivityMs, nowMs - pausedSeconds * 1000)) : null,
      },
      solvedAt: solvedMs !== null ? at(solvedMs) : null,
      closedAt: status === 'closed' && solvedMs !== null ? at(Math.min(nowMs, solvedMs + 4 * DAY)) : null,
      reopenCount: reopened ? 1 : 0,
      mergedInto: null,
      tier: team.tier,
    };
    tickets.push(ticket);

    if (solvedMs !== null && customer.consent.surveys && rng.chance(0.7)) {
      surveys.push(generateSurvey(rng, ticket, agent.id, solvedMs, nowMs));
    }
  }

  interactions.push(...abandonedCalls(rng, opts, customers, nowMs));
  const macros = MACROS.map((m, i) => ({
    id: `mac_demo_${i + 1}`,
    createdAt: teams[0]?.createdAt ?? at(nowMs),
    updatedAt: teams[0]?.createdAt ?? at(nowMs),
    version: 0,
    name: m.name,
    body: m.body,
    actions: { status: m.status, priority: m.priority, addTags: m.addTags, removeTags: [] },
    teamIds: [],
    active: true,
  }));
  const settings = {
    [INTAKE_TEAMS_SETTING]: { email: teamId('geral'), chat: teamId('digital'), whatsapp: teamId('digital'), social: teamId('digital'), web: teamId('digital') },
  };
  const agentSpans = generateAgentSpans(rng, users.filter((u) => u.role === 'agent'), nowMs, opts.days);
  const { kbArticles, kbUses } = generateKb(rng, { tickets, supervisor: users.find((u) => u.role === 'supervisor') ?? users[0], createdAt: teams[0]?.createdAt ?? at(nowMs) });
  return { teams, users, customers, tickets, interactions, surveys, macros, settings, agentSpans, kbArticles, kbUses };
}

function pickTeam(rng: Prng, channel: Channel, category: DemoCategory): TeamPlan {
  const plan = (key: string) => TEAM_PLANS.find((p) => p.key === key) as TeamPlan;
  if (category.name === 'Suporte técnico' && rng.chance(0.35)) return plan('n2');
  if (category.name === 'Cobrança' && rng.chance(0.25)) return plan('financeiro');
  return channel === 'phone' || channel === 'email' ? plan('geral') : plan('digital');
}

function pickStatus(rng: Prng, ageHours: number): TicketStatus {
  // Old contacts are almost all done: a healthy floor, not a wall of breached tickets.
  if (ageHours > 96) return rng.weighted({ closed: 88, solved: 10, pending: 1.5, on_hold: 0.5 });
  if (ageHours > 24) return rng.weighted({ solved: 62, closed: 12, pending: 13, open: 8, on_hold: 3, new: 2 });
  if (ageHours > 4) return rng.weighted({ solved: 38, open: 30, pending: 14, new: 12, on_hold: 6 });
  return rng.weighted({ new: 45, open: 35, solved: 12, pending: 8 });
}

function ticketTags(rng: Prng, customer: Customer, channel: Channel): string[] {
  const tags = customer.tags.includes('vip') ? ['vip'] : [];
  if (rng.chance(0.12)) tags.push('reclamacao');
  if (channel === 'social' && rng.chance(0.5)) tags.push('reclame-aqui');
  if (rng.chance(0.06)) tags.push('procon');
  return tags;
}
