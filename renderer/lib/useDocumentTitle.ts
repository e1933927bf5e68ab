import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "#1042 Boleto em atraso · Atende": detail screens name the window after what they show. */
export function useDocumentTitle(title: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
