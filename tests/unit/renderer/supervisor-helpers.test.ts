import { describe, expect, it } from 'vitest';
import { csvFileName, csvNumber, toCsv } from '../../../renderer/features/supervisor/csv';
import { formatDuration, formatKpi, parseDecimal, parseDuration, targetOperator } from '../../../renderer/features/supervisor/kpi-format';
import { sortAgentRows, type AgentRow } from '../../../renderer/features/supervisor/reports/AgentsTable';
import { bucketAxisLabel, bucketLongLabel, periodLabel } from '../../../renderer/features/supervisor/reports/bucket-label';
import { niceTicks } from '../../../renderer/features/supervisor/reports/chart-data';
import { csvDate } from '../../../renderer/features/supervisor/reports/report-csv';
import { autoBucket, formatReportParams, parseReportParams, periodOf, DEFAULT_PARAMS } from '../../../renderer/features/supervisor/reports/report-params';
import { meetsTarget } from '../../../shared/schemas/kpi-targets';

describe('CSV for spreadsheets', () => {
  it('starts with a BOM, ends lines with CRLF, and quotes only what needs it', () => {
    const text = toCsv(['Cliente', 'Assunto', 'TMA (s)'], [['Conceição Araújo', 'Boleto; 2ª via', 362.5], ['Zé "do caixa"', null, 60]], ';');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('Cliente;Assunto;TMA (s)\r\nConceição Araújo;"Boleto; 2ª via";362,5\r\n"Zé ""do caixa""";;60\r\n');
    expect(new TextEncoder().encode(text).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('uses the pt-BR decimal comma with `;` and a point with `,`, never thousands separators', () => {
    expect(csvNumber(1234.567, ';')).toBe('1234,57');
    expect(csvNumber(1234.567, ',')).toBe('1234.57');
    expect(csvNumber(75, ';')).toBe('75');
    expect(toCsv(['a', 'b'], [['x,y', 0.5]], ',').slice(1)).toBe('a,b\r\n"x,y",0.5\r\n');
    expect(csvDate('2026-11-05', ';')).toBe('05/11/2026');
    expect(csvDate('2026-11-05', ',')).toBe('2026-11-05');
  });

  it('names files in plain ASCII', () => {
    expect(csvFileName('Ocupação por agente', '2026-11-01', '2026-11-30')).toBe('atende-ocupacao-por-agente-2026-11-01-2026-11-30.csv');
  });
});

describe('KPI formatting', () => {
  it('shows times as m:ss (h:mm:ss past an hour), rates in the UI language, no data as a dash', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(365)).toBe('6:05');
    expect(formatDuration(3729)).toBe('1:02:09');
    expect(formatKpi('tma', 359.6, 'pt-BR')).toBe('6:00');
    expect(formatKpi('fcr', 87.54, 'pt-BR')).toMatch(/^87,5\s?%$/);
    expect(formatKpi('fcr', 87.54, 'en')).toBe('87.5%');
    expect(formatKpi('volume', 1234, 'pt-BR')).toBe('1.234');
    expect(formatKpi('nps', 12, 'pt-BR')).toBe('+12');
    expect(formatKpi('csat', null, 'pt-BR')).toBe('—');
  });

  it('parses what an admin types for a target', () => {
    expect(parseDuration('6:00')).toBe(360);
    expect(parseDuration('0:20')).toBe(20);
    expect(parseDuration('1:02:09')).toBe(3729);
    expect(parseDuration('45')).toBe(45);
    expect(parseDuration('6:75')).toBeNull();
    expect(parseDuration('seis')).toBeNull();
    expect(parseDecimal('87,5')).toBe(87.5);
    expect(parseDecimal('87.5 %')).toBe(87.5);
    expect(parseDecimal('abc')).toBeNull();
  });

  it('reads a target by the KPI’s direction', () => {
    expect(targetOperator('tma')).toBe('≤');
    expect(targetOperator('fcr')).toBe('≥');
    expect(meetsTarget('tma', 300, 360)).toBe(true);
    expect(meetsTarget('tma', 400, 360)).toBe(false);
    expect(meetsTarget('abandonment', 5, 5)).toBe(true);
    expect(meetsTarget('csat', 84.9, 85)).toBe(false);
    expect(meetsTarget('csat', null, 85)).toBeNull();
    expect(meetsTarget('volume', 10, 5)).toBeNull();
  });
});

describe('report period and address', () => {
  it('turns presets into API periods (to exclusive) seen from the operation’s today', () => {
    const today = '2026-11-20';
    expect(periodOf({ ...DEFAULT_PARAMS, preset: 'today' }, today)).toEqual({ from: '2026-11-20', to: '2026-11-21' });
    expect(periodOf({ ...DEFAULT_PARAMS, preset: 'last7' }, today)).toEqual({ from: '2026-11-14', to: '2026-11-21' });
    expect(periodOf({ ...DEFAULT_PARAMS, preset: 'last30' }, today)).toEqual({ from: '2026-10-22', to: '2026-11-21' });
    expect(periodOf({ ...DEFAULT_PARAMS, preset: 'thisMonth' }, today)).toEqual({ from: '2026-11-01', to: '2026-11-21' });
    expect(periodOf({ ...DEFAULT_PARAMS, preset: 'custom', from: '2026-11-02', to: '2026-11-04' }, today)).toEqual({ from: '2026-11-02', to: '2026-11-05' });
    expect(periodOf({ ...DEFAULT_PARAMS, preset: 'custom', from: '2026-11-05', to: '2026-11-04' }, today)).toBeNull();
  });

  it('keeps the report in the address and reads back only valid values', () => {
    const params = { ...DEFAULT_PARAMS, preset: 'custom' as const, from: '2026-11-02', to: '2026-11-04', bucket: 'week' as const, teamIds: ['team_geral'], channels: ['phone' as const, 'email' as const] };
    const search = formatReportParams(params);
    expect(search).toBe('preset=custom&from=2026-11-02&to=2026-11-04&bucket=week&team=team_geral&channel=phone%2Cemail');
    expect(parseReportParams(search)).toEqual(params);
    expect(parseReportParams('preset=ontem&from=2026-02-30&bucket=year&channel=fax,phone')).toEqual({ ...DEFAULT_PARAMS, channels: ['phone'] });
    expect(formatReportParams(DEFAULT_PARAMS)).toBe('');
  });

  it('groups long periods by week and month', () => {
    expect(autoBucket('2026-11-01', '2026-12-01')).toBe('day');
    expect(autoBucket('2026-06-01', '2026-09-01')).toBe('week');
    expect(autoBucket('2026-01-01', '2026-12-01')).toBe('month');
  });

  it('labels buckets as calendar dates, whatever the machine’s zone', () => {
    expect(bucketAxisLabel('2026-11-05', 'day', 'pt-BR')).toBe('05/11');
    expect(bucketLongLabel('2026-11-09', '2026-11-16', 'week', 'pt-BR')).toBe('09/11 – 15/11/2026');
    expect(bucketLongLabel('2026-11-01', '2026-12-01', 'month', 'pt-BR')).toBe('novembro de 2026');
    expect(periodLabel('2026-11-01', '2026-12-01', 'pt-BR')).toBe('01/11/2026 – 30/11/2026');
    expect(periodLabel('2026-11-20', '2026-11-21', 'en')).toBe('11/20/2026');
  });
});

describe('charts and tables', () => {
  it('puts axis ticks on round values of the unit, covering data and target', () => {
    expect(niceTicks('tma', [290, 340, null], 360)).toEqual({ domain: [0, 360], ticks: [0, 120, 240, 360] });
    expect(niceTicks('tma', [290, 410], 360)).toEqual({ domain: [0, 480], ticks: [0, 120, 240, 360, 480] });
    const fcr = niceTicks('fcr', [71, 96], 75);
    expect(fcr.domain[0]).toBeLessThanOrEqual(71);
    expect(fcr.domain[1]).toBe(100);
    expect(fcr.ticks.every((t) => t % 5 === 0)).toBe(true);
  });

  it('sorts agents by any column, no data last either way', () => {
    const row = (name: string, tma: number | null, handled: number): AgentRow => ({ agentId: name, name, handled, tma, fcr: null, fcrProvisional: 0, csat: null, occupancy: null });
    const rows = [row('Bruno', 300, 5), row('Ana', null, 9), row('Álvaro', 200, 1)];
    expect(sortAgentRows(rows, 'tma', 'asc', 'pt-BR').map((r) => r.name)).toEqual(['Álvaro', 'Bruno', 'Ana']);
    expect(sortAgentRows(rows, 'tma', 'desc', 'pt-BR').map((r) => r.name)).toEqual(['Bruno', 'Álvaro', 'Ana']);
    expect(sortAgentRows(rows, 'name', 'asc', 'pt-BR').map((r) => r.name)).toEqual(['Álvaro', 'Ana', 'Bruno']);
    expect(sortAgentRows(rows, 'handled', 'desc', 'pt-BR').map((r) => r.handled)).toEqual([9, 5, 1]);
  });
});
