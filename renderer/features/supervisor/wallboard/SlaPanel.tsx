import { useTranslation } from 'react-i18next';
import { ticketHref } from '../../../app/hash-route';
import { formatCountdown } from '../../../lib/sla';
import { useLanguage } from '../../../lib/useLanguage';
import { formatCount } from '../kpi-format';
import type { WallboardSnapshot } from './useWallboard';

/** Open tickets at SLA risk (≥ 75 % of the target used) and breached, and the most urgent of them. */
export function SlaPanel({ snapshot, nowMs, rows = 5 }: { snapshot: WallboardSnapshot; nowMs: number; rows?: number }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { sla } = snapshot;
  return (
    <section className="sv-panel" aria-labelledby="sv-sla-title">
      <h2 id="sv-sla-title" className="sv-panel__title">
        {t('supervisor.sla.title')}
        <span className="sv-panel__meta">{t('supervisor.sla.open', { count: sla.open })}</span>
      </h2>
      <div className="sv-figures">
        <div className={`sv-figure${sla.atRisk > 0 ? ' sv-figure--warning' : ''}`} title={t('supervisor.sla.atRiskHint')}>
          <span className="sv-figure__value" data-testid="sla-at-risk">
            {formatCount(sla.atRisk, language)}
          </span>
          <span className="sv-figure__label">{t('supervisor.sla.atRisk')}</span>
        </div>
        <div className={`sv-figure${sla.breached > 0 ? ' sv-figure--danger' : ''}`}>
          <span className="sv-figure__value" data-testid="sla-breached">
            {formatCount(sla.breached, language)}
          </span>
          <span className="sv-figure__label">{t('supervisor.sla.breached')}</span>
        </div>
      </div>
      {sla.tickets.length === 0 ? (
        <p className="sv-panel__empty">{t('supervisor.sla.none')}</p>
      ) : (
        <ul className="sv-list" aria-label={t('supervisor.sla.listLabel')}>
          {sla.tickets.slice(0, rows).map((x) => {
            const remaining = Date.parse(x.dueAt) - nowMs;
            const late = remaining <= 0;
            const words = late ? t('supervisor.sla.overdueBy', { time: formatCountdown(remaining) }) : t('supervisor.sla.dueIn', { time: formatCountdown(remaining) });
            return (
              <li key={x.id} className="sv-list__row">
                <span className={`sv-dot sv-dot--${late ? 'danger' : 'warning'}`} aria-hidden="true" />
                <span className="sv-list__main">
                  <a className="sv-list__primary sv-link" href={ticketHref(x.id)}>
                    <span className="sv-list__number">#{x.number}</span> {x.subject}
                  </a>
                  <span className="sv-list__secondary">{[x.teamName, x.assigneeName].filter(Boolean).join(' · ') || '—'}</span>
                </span>
                <span className={`sv-list__time sv-text--${late ? 'danger' : 'warning'}`} title={words}>
                  <span aria-hidden="true">{late ? `−${formatCountdown(remaining)}` : formatCountdown(remaining)}</span>
                  <span className="visually-hidden">{words}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
