import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiId } from '../../../../shared/kpi';
import type { RouterOutputs } from '../../../lib/trpc';
import { useLanguage } from '../../../lib/useLanguage';
import { formatCount, formatKpi } from '../kpi-format';

type Row = RouterOutputs['metrics']['agents'][number];
export interface AgentRow extends Row {
  name: string;
}
export const AGENT_COLUMNS = ['name', 'handled', 'tma', 'fcr', 'csat', 'occupancy'] as const;
export type AgentColumn = (typeof AGENT_COLUMNS)[number];
const KPI_OF: Record<Exclude<AgentColumn, 'name' | 'handled'>, KpiId> = { tma: 'tma', fcr: 'fcr', csat: 'csat', occupancy: 'occupancy' };

/** Sorts with "no data" last whichever the direction, names in the UI language's order. */
export function sortAgentRows(rows: readonly AgentRow[], column: AgentColumn, direction: 'asc' | 'desc', language: string): AgentRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (column === 'name') return sign * a.name.localeCompare(b.name, language);
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name, language) : x === null ? 1 : -1;
    return sign * (x - y) || a.name.localeCompare(b.name, language);
  });
}

/** Agents over the period (handled, TMA, FCR, CSAT, occupancy), sortable by any column; a row drills into the agent's contacts. */
export function AgentsTable({ rows, onDrill }: { rows: AgentRow[]; onDrill: (row: AgentRow) => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [sort, setSort] = useState<{ column: AgentColumn; direction: 'asc' | 'desc' }>({ column: 'handled', direction: 'desc' });
  const sorted = useMemo(() => sortAgentRows(rows, sort.column, sort.direction, language), [rows, sort, language]);
  const label = (c: AgentColumn) => t(`supervisor.reports.agentsTable.${c === 'name' ? 'agent' : c}`);
  const toggle = (column: AgentColumn) =>
    setSort((s) => (s.column === column ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: column === 'name' || column === 'tma' ? 'asc' : 'desc' }));
  if (rows.length === 0) return <p className="sv-card__empty">{t('supervisor.reports.agentsTable.none')}</p>;
  return (
    <div className="sv-table-scroll">
      <table className="data-table sv-table sv-agents-table" aria-label={t('supervisor.reports.agentsTable.label')}>
        <thead>
          <tr>
            {AGENT_COLUMNS.map((c) => (
              <th key={c} scope="col" className={c === 'name' ? undefined : 'num'} aria-sort={sort.column === c ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="sv-sort" onClick={() => toggle(c)} title={t('supervisor.reports.agentsTable.sortBy', { column: label(c) })}>
                  {label(c)}
                  <span className="sv-sort__arrow" aria-hidden="true">
                    {sort.column === c ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.agentId}>
              <th scope="row" className="sv-table__rowhead">
                <button type="button" className="sv-link-button" onClick={() => onDrill(r)} title={t('supervisor.reports.agentsTable.drill', { name: r.name })}>
                  {r.name}
                </button>
              </th>
              <td className="num">{formatCount(r.handled, language)}</td>
              {(['tma', 'fcr', 'csat', 'occupancy'] as const).map((c) => (
                <td key={c} className="num">
                  {formatKpi(KPI_OF[c], r[c], language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
