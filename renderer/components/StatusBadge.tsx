import { useTranslation } from 'react-i18next';

export type StatusName = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';

export function StatusBadge({ status }: { status: StatusName }) {
  const { t } = useTranslation();
  return <span className={`status status--${status}`}>{t(`status.${status}`)}</span>;
}
