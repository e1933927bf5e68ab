import { describe, expect, it } from 'vitest';
import { KPI_CATALOG, KPI_IDS, computeFromHistory, isKpiId } from '../../../shared/kpi';
import { HAND_AS_OF, handFloor } from '../../fixtures/kpi-hand-floor';

describe('KPI catalog', () => {
  it('describes every KPI once, with i18n keys that never nest into each other', () => {
    expect(KPI_CATALOG.map((m) => m.id)).toEqual([...KPI_IDS]);
    const keys = KPI_CATALOG.flatMap((m) => [m.labelKey, m.descriptionKey]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of keys) for (const b of keys) if (a !== b) expect(b.startsWith(`${a}.`)).toBe(false);
    expect(KPI_CATALOG.find((m) => m.id === 'tma')).toEqual({ id: 'tma', unit: 'seconds', direction: 'lower', labelKey: 'kpi.tma', descriptionKey: 'kpiHelp.tma' });
    expect(KPI_CATALOG.find((m) => m.id === 'nps')).toMatchObject({ unit: 'score', direction: 'higher' });
    expect(KPI_CATALOG.find((m) => m.id === 'volume')).toMatchObject({ unit: 'count', direction: 'neutral' });
  });

  it('every summary carries a value for each catalog id', () => {
    const s = computeFromHistory(handFloor(), { kind: 'summary', from: '2026-03-09', to: '2026-03-16', asOf: HAND_AS_OF });
    expect(Object.keys(s.values).sort()).toEqual([...KPI_IDS].sort());
  });

  it('recognises ids', () => {
    expect(isKpiId('fcr')).toBe(true);
    expect(isKpiId('kpi.fcr')).toBe(false);
    expect(isKpiId(3)).toBe(false);
  });

  it('rejects malformed periods', () => {
    expect(() => computeFromHistory(handFloor(), { kind: 'summary', from: '2026-03-16', to: '2026-03-09', asOf: HAND_AS_OF })).toThrow(RangeError);
    expect(() => computeFromHistory(handFloor(), { kind: 'summary', from: '2026-3-1', to: '2026-03-09', asOf: HAND_AS_OF })).toThrow(RangeError);
    expect(() => computeFromHistory(handFloor(), { kind: 'summary', from: '2026-03-01', to: '2026-03-09', asOf: 'now' })).toThrow(RangeError);
  });
});
