import type { BusinessCalendar, BusinessInterval, Holiday, SlaPolicy } from '../../../../shared/schemas/sla';
import { splitList } from '../rule-form';

/** SLA policy and calendar editors' state, and the JSON `sla.savePolicy` / `sla.saveCalendar` take. */

/** Brazilian IANA zones offered first (any other zone the server knows is kept when editing). */
export const BRAZIL_TIME_ZONES = [
  'America/Sao_Paulo',
  'America/Bahia',
  'America/Fortaleza',
  'America/Recife',
  'America/Belem',
  'America/Manaus',
  'America/Cuiaba',
  'America/Campo_Grande',
  'America/Porto_Velho',
  'America/Boa_Vista',
  'America/Rio_Branco',
  'America/Noronha',
  'UTC',
] as const;

/** The server numbers nothing itself: new policies and calendars get an id here. */
export function newId(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36).slice(-4)}`;
}

export function splitMinutes(total: number): { h: string; m: string } {
  return { h: String(Math.floor(total / 60)), m: String(total % 60) };
}

/** `h` hours and `m` minutes typed in two boxes (empty = 0); NaN when either is not a whole number. */
export function joinMinutes(h: string, m: string): number {
  const hours = h.trim() === '' ? 0 : Number(h);
  const minutes = m.trim() === '' ? 0 : Number(m);
  return Number.isInteger(hours) && Number.isInteger(minutes) ? hours * 60 + minutes : Number.NaN;
}

export interface PolicyDraft {
  id: string;
  name: string;
  order: string;
  priorities: string[];
  channels: string[];
  customerTags: string;
  teamIds: string[];
  categories: string;
  frH: string;
  frM: string;
  resH: string;
  resM: string;
  calendarId: string;
  warnPct: string;
}

export function policyDraft(p: SlaPolicy | null, nextOrder: number, calendarId: string): PolicyDraft {
  if (!p) return { id: newId('slp'), name: '', order: String(nextOrder), priorities: [], channels: [], customerTags: '', teamIds: [], categories: '', frH: '1', frM: '0', resH: '8', resM: '0', calendarId, warnPct: '75' };
  const fr = splitMinutes(p.firstResponseMinutes);
  const res = splitMinutes(p.resolutionMinutes);
  return {
    id: p.id,
    name: p.name,
    order: String(p.order),
    priorities: [...p.conditions.priorities],
    channels: [...p.conditions.channels],
    customerTags: p.conditions.customerTags.join(', '),
    teamIds: [...p.conditions.teamIds],
    categories: p.conditions.categories.join(', '),
    frH: fr.h,
    frM: fr.m,
    resH: res.h,
    resM: res.m,
    calendarId: p.calendarId,
    warnPct: String(Math.round(p.warnAtShare * 1000) / 10),
  };
}

const numberOrText = (text: string) => (text.trim() !== '' && Number.isFinite(Number(text.replace(',', '.'))) ? Number(text.replace(',', '.')) : text);

export function toPolicyInput(d: PolicyDraft): Record<string, unknown> {
  const warn = numberOrText(d.warnPct);
  return {
    id: d.id,
    name: d.name.trim(),
    order: numberOrText(d.order),
    conditions: { priorities: d.priorities, channels: d.channels, customerTags: splitList(d.customerTags), teamIds: d.teamIds, categories: splitList(d.categories) },
    firstResponseMinutes: joinMinutes(d.frH, d.frM),
    resolutionMinutes: joinMinutes(d.resH, d.resM),
    calendarId: d.calendarId,
    warnAtShare: typeof warn === 'number' ? Math.round(warn * 10) / 1000 : warn,
  };
}

export interface CalendarDraft {
  id: string;
  name: string;
  timeZone: string;
  kind: '24x7' | 'business';
  weeklyHours: BusinessInterval[][];
  holidays: Holiday[];
}

export function calendarDraft(c: BusinessCalendar | null): CalendarDraft {
  if (!c) {
    const day = (): BusinessInterval[] => [{ start: '08:00', end: '18:00', overnight: false }];
    return { id: newId('cal'), name: '', timeZone: 'America/Sao_Paulo', kind: 'business', weeklyHours: [[], day(), day(), day(), day(), day(), []], holidays: [] };
  }
  return { id: c.id, name: c.name, timeZone: c.timeZone, kind: c.kind, weeklyHours: c.weeklyHours.map((d) => d.map((i) => ({ ...i }))), holidays: c.holidays.map((h) => ({ ...h })) };
}

export function toCalendarInput(d: CalendarDraft): Record<string, unknown> {
  return { id: d.id, name: d.name.trim(), timeZone: d.timeZone, kind: d.kind, weeklyHours: d.weeklyHours, holidays: d.holidays.map((h) => ({ date: h.date, name: h.name.trim() })) };
}
