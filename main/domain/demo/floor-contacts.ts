import type { Customer, Interaction, Survey, Ticket } from '../../../shared/schemas';
import { SURVEY_COMMENTS, type DemoCategory } from './demo-content';
import { DAY, HOUR, MINUTE, type DemoUser, type FloorOptions } from './floor-types';
import type { Prng } from './prng';

/** Share of contacts by local hour (08h–20h busy, a quieter evening, little at night). */
const HOUR_WEIGHTS: Record<string, number> = Object.fromEntries(
  [1, 0, 0, 0, 0, 1, 2, 4, 8, 10, 11, 11, 9, 9, 10, 10, 9, 8, 7, 5, 4, 3, 2, 1].map((w, h) => [String(h), w]),
);
/** São Paulo is UTC−3 all year (no DST since 2019): good enough for spreading demo contacts. */
const LOCAL_OFFSET_HOURS = -3;

/** A contact instant within the last `days`, following the daily curve in local time. */
export function contactTime(rng: Prng, nowMs: number, days: number): number {
  for (;;) {
    const dayStart = Math.floor((nowMs - rng.next() * days * DAY) / DAY) * DAY;
    const hourIndex = Number(rng.weighted(HOUR_WEIGHTS));
    const ms = dayStart + (hourIndex - LOCAL_OFFSET_HOURS) * HOUR + rng.int(0, HOUR - 1);
    if (ms < nowMs - MINUTE && ms > nowMs - days * DAY) return ms;
  }
}


export function callTimes(rng: Prng, queuedMs: number, agent: DemoUser, category: DemoCategory, ani: string | null, resolved: boolean): NonNullable<Interaction['call']> {
  const wait = rng.duration(11, 1.0);
  const ring = rng.int(2, 9);
  const talk = rng.duration(300, 0.55);
  const hold = rng.chance(0.3) ? rng.duration(45, 0.7) : 0;
  const wrap = rng.duration(45, 0.5);
  const ringingMs = queuedMs + wait * 1000;
  const answeredMs = ringingMs + ring * 1000;
  const endedMs = answeredMs + (talk + hold) * 1000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    callId: `${Math.floor(queuedMs / 1000)}.${rng.int(1, 9999)}`,
    queue: 'atendimento',
    ani,
    dnis: '08007771234',
    extension: agent.extension,
    queuedAt: iso(queuedMs),
    ringingAt: iso(ringingMs),
    answeredAt: iso(answeredMs),
    endedAt: iso(endedMs),
    abandonedAt: null,
    holdSeconds: hold,
    holdStartedAt: null,
    wrapUp: { endedAt: iso(endedMs + wrap * 1000), seconds: wrap, disposition: category.disposition, notes: '', resolvedOnCall: resolved && rng.chance(0.7) },
  };
}

/** Calls that hung up in the queue (some within 5 s: short abandons, excluded from the KPIs). */
export function abandonedCalls(rng: Prng, opts: FloorOptions, customers: Customer[], nowMs: number): Interaction[] {
  const out: Interaction[] = [];
  const count = Math.round(opts.tickets * 0.32 * 0.07);
  for (let i = 0; i < count; i++) {
    const queuedMs = contactTime(rng, nowMs, opts.days);
    const customer = rng.chance(0.7) ? rng.pick(customers) : null;
    const waited = rng.chance(0.25) ? rng.int(1, 4) : rng.duration(70, 0.7);
    const iso = (ms: number) => new Date(ms).toISOString();
    const createdAt = iso(queuedMs);
    out.push({
      id: rng.id('int'),
      createdAt,
      updatedAt: iso(queuedMs + waited * 1000),
      version: 0,
      kind: 'call',
      direction: 'inbound',
      channel: 'phone',
      ticketId: null,
      customerId: customer?.id ?? null,
      authorId: null,
      authorName: customer?.name ?? 'system',
      body: '',
      bodyFormat: 'text',
      attachments: [],
      externalId: null,
      workSeconds: 0,
      call: {
        callId: `${Math.floor(queuedMs / 1000)}.${rng.int(1, 9999)}`,
        queue: 'atendimento',
        ani: customer?.phones[0] ?? `+5511${rng.int(30_000_000, 39_999_999)}`,
        dnis: '08007771234',
        extension: null,
        queuedAt: createdAt,
        ringingAt: null,
        answeredAt: null,
        endedAt: iso(queuedMs + waited * 1000),
        abandonedAt: iso(queuedMs + waited * 1000),
        holdSeconds: 0,
        holdStartedAt: null,
        wrapUp: null,
      },
      event: null,
    });
  }
  return out;
}

export function generateSurvey(rng: Prng, ticket: Ticket, agentId: string, solvedMs: number, nowMs: number): Survey {
  const kind = rng.chance(0.8) ? 'csat' : 'nps';
  const sent = new Date(solvedMs + MINUTE).toISOString();
  const answerMs = solvedMs + rng.duration(6 * HOUR, 1.2);
  const answered = answerMs < nowMs && rng.chance(0.45);
  const csat = rng.weighted({ '5': 45, '4': 25, '3': 12, '2': 8, '1': 10 });
  const score = kind === 'csat' ? Number(csat) : Math.min(10, Math.max(0, Math.round(10 - rng.duration(1.6, 0.9))));
  const comments = SURVEY_COMMENTS[kind === 'csat' ? score : Math.max(1, Math.ceil(score / 2))] ?? [];
  return {
    id: rng.id('srv'),
    createdAt: sent,
    updatedAt: answered ? new Date(answerMs).toISOString() : sent,
    version: 0,
    kind,
    ticketId: ticket.id,
    customerId: ticket.requesterId,
    agentId,
    tokenHash: rng.hex(64),
    sentAt: sent,
    expiresAt: new Date(solvedMs + 7 * DAY).toISOString(),
    answeredAt: answered ? new Date(answerMs).toISOString() : null,
    score: answered ? score : null,
    comment: answered && rng.chance(0.4) && comments.length > 0 ? rng.pick(comments) : null,
  };
}
