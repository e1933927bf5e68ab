import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../lib/connection-state';

/**
 * Colour and text (never colour alone); a polite live region so a screen reader hears
 * "Reconectando…" without losing its place.
 */
export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  return (
    <div className={`connection connection--${status}`} role="status" aria-live="polite" title={t('connection.label')}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span className="connection__text">{t(`connection.${status}`)}</span>
    </div>
  );
}
