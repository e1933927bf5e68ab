import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { AlertIcon, ArrowLeftIcon } from '../components/icons/UiIcons';
import { ScreenHeader } from '../components/ScreenHeader';
import { hrefFor } from './hash-route';
import { DEFAULT_ROUTE } from './routes';

/** Unknown route, or one the user's role does not open. */
export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader title={t('notFound.title')} />
      <EmptyState
        icon={<AlertIcon size={28} />}
        title={t('notFound.body')}
        action={
          <a className="button" href={hrefFor(DEFAULT_ROUTE)}>
            <ArrowLeftIcon size={16} />
            {t('notFound.back')}
          </a>
        }
      />
    </section>
  );
}
