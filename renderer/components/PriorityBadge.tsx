import { useTranslation } from 'react-i18next';

export type PriorityName = 'low' | 'normal' | 'high' | 'urgent';

/** Bars (1–3, urgent in red) plus the word: readable without colour. */
export function PriorityBadge({ priority }: { priority: PriorityName }) {
  const { t } = useTranslation();
  return (
    <span className={`priority priority--${priority}`}>
      <span className="priority__bars" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {t(`priority.${priority}`)}
    </span>
  );
}
