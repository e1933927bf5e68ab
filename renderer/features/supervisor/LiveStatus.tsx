import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/useLanguage';

/** "● Ao vivo · 14:05:31": the wallboard's link state and the server time of the last push. */
export function LiveStatus({ status, stale, generatedAt }: { status: string; stale: boolean; generatedAt: string | null }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const live = status === 'pending' && !stale && generatedAt !== null;
  const time = generatedAt ? new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(generatedAt)) : null;
  const label = live ? t('supervisor.live.on') : generatedAt ? t('supervisor.live.stale') : t('supervisor.live.connecting');
  return (
    <span className={`live-badge${live ? ' live-badge--on' : ' sv-live--off'}`} role="status" title={live ? undefined : t('supervisor.live.reconnectingHint')}>
      <span className="live-badge__dot" aria-hidden="true" />
      {label}
      {time ? <span className="sv-live__time">{t('supervisor.live.updatedAt', { time })}</span> : null}
    </span>
  );
}
