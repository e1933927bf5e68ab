import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KpiId, LocalDate } from '../../../../shared/kpi';
import { customerHref, ticketHref } from '../../../app/hash-route';
import { ChannelLabel } from '../../../components/ChannelLabel';
import { Dialog } from '../../../components/Dialog';
import { Spinner } from '../../../components/Spinner';
import { errorMessageKey } from '../../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { useLanguage } from '../../../lib/useLanguage';
import type { CsvSeparator } from '../csv';
import { formatDuration } from '../kpi-format';
import { drillValueInSeconds, exportDrill } from './report-csv';

type DrillRow = RouterOutputs['reports']['drilldown']['rows'][number];
type DrillKpi = RouterOutputs['reports']['drilldown']['kpi'];

export interface DrillRequest {
  kpi: DrillKpi;
  from: LocalDate;
  to: LocalDate;
  bucketKey?: string;
  filters: Record<string, string[]>;
  /** What the records are behind ("qui., 12/11/2026", an agent's name). */
  label: string;
}

/** Rows shown in the dialog; the CSV has them all (up to the API's 5 000). */
const SHOWN = 300;

function valueText(kpi: KpiId, row: DrillRow, language: string): string {
  if (row.value === null) return '—';
  if (row.kind === 'survey') return String(row.value);
  return drillValueInSeconds(kpi) ? formatDuration(row.value) : new Intl.NumberFormat(language).format(row.value);
}

/** The tickets, calls and surveys behind one chart point, with links to each ticket and customer. */
export function DrilldownDialog({ request, separator, timeZone, onClose }: { request: DrillRequest; separator: CsvSeparator; timeZone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const trpc = useTRPC();
  const { kpi, label, ...input } = request;
  const query = useQuery(trpc.reports.drilldown.queryOptions({ ...input, kpi, limit: 5000 }));
  // One day's records: the time says it all; longer ranges need the date too.
  const oneDay = /^\d{4}-\d{2}-\d{2}$/.test(input.bucketKey ?? '') || Date.parse(input.to) - Date.parse(input.from) <= 86_400_000;
  const dateTime = new Intl.DateTimeFormat(language, oneDay ? { timeZone, timeStyle: 'short' } : { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const rows = query.data?.rows ?? [];
  // Columns that say nothing for this KPI (no outcome for times, no value for volume) are left out.
  const hasValue = rows.some((r) => r.value !== null);
  const hasOutcome = rows.some((r) => r.outcome !== null);
  const title = t('supervisor.drill.title', { kpi: t(`kpi.${kpi}`), period: label });
  return (
    <Dialog title={title} description={query.data ? t('supervisor.drill.count', { count: query.data.total }) : undefined} onClose={onClose} size="lg">
      <div className="dialog__body sv-drill">
        {query.isPending ? (
          <p className="sv-loading" role="status">
            <Spinner size={18} /> {t('supervisor.drill.loading')}
          </p>
        ) : query.error ? (
          <p className="alert alert--error" role="alert">
            {t(errorMessageKey(query.error))}
          </p>
        ) : rows.length === 0 ? (
          <p className="sv-card__empty">{t('supervisor.drill.none')}</p>
        ) : (
          <>
            {rows.length > SHOWN || (query.data && query.data.total > rows.length) ? <p className="sv-drill__note">{t('supervisor.drill.truncated', { shown: Math.min(SHOWN, rows.length), total: query.data?.total ?? rows.length })}</p> : null}
            <div className="sv-table-scroll sv-drill__scroll">
              <table className="data-table sv-table" aria-label={t('supervisor.drill.tableLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('supervisor.drill.columns.at')}</th>
                    <th scope="col">{t('supervisor.drill.columns.ticket')}</th>
                    <th scope="col">{t('supervisor.drill.columns.subject')}</th>
                    <th scope="col">{t('supervisor.drill.columns.channel')}</th>
                    <th scope="col">{t('supervisor.drill.columns.customer')}</th>
                    <th scope="col">{t('supervisor.drill.columns.agent')}</th>
                    {hasValue ? (
                      <th scope="col" className="num">
                        {t('supervisor.drill.columns.value')}
                      </th>
                    ) : null}
                    {hasOutcome ? <th scope="col">{t('supervisor.drill.columns.outcome')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, SHOWN).map((r) => (
                    <tr key={`${r.kind}:${r.id}`}>
                      <td className="sv-table__muted">{dateTime.format(new Date(r.at))}</td>
                      <td>
                        {r.ticketId ? (
                          <a className="sv-link" href={ticketHref(r.ticketId)}>
                            #{r.ticketNumber}
                          </a>
                        ) : (
                          <span className="sv-table__muted">{t(`supervisor.drill.kind.${r.kind}`)}</span>
                        )}
                      </td>
                      <td className="data-table__grow sv-drill__subject" title={r.subject ?? undefined}>
                        {r.subject ?? <span className="sv-table__muted">{t('supervisor.drill.noTicket')}</span>}
                      </td>
                      <td>{r.channel ? <ChannelLabel channel={r.channel} /> : '—'}</td>
                      <td className="sv-drill__customer">
                        {r.customerId ? (
                          <a className="sv-link" href={customerHref(r.customerId)} title={r.customerName ?? undefined}>
                            {r.customerName ?? r.customerId}
                          </a>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>{r.agentName ?? '—'}</td>
                      {hasValue ? <td className="num">{valueText(kpi, r, language)}</td> : null}
                      {hasOutcome ? <td>{r.outcome ? <span className={`sv-outcome sv-outcome--${r.outcome}`}>{t(`supervisor.drill.outcome.${r.outcome}`)}</span> : '—'}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
      <footer className="dialog__footer">
        <button type="button" className="button" onClick={onClose}>
          {t('workspace.common.close')}
        </button>
        <button type="button" className="button button--primary" disabled={rows.length === 0} onClick={() => exportDrill(kpi, rows, separator, t, timeZone, `${input.bucketKey ?? `${input.from}_${input.to}`}`)}>
          {t('supervisor.reports.csv.export')}
        </button>
      </footer>
    </Dialog>
  );
}
