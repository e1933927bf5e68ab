import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useLanguage } from '../../lib/useLanguage';

/** For editors: articles inserted into replies, by solved tickets they helped on. */
export function UsefulnessTable({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [language] = useLanguage();
  const rows = useQuery(trpc.kb.usefulness.queryOptions({ limit: 100 }));
  if (rows.isPending) return <EmptyState role="status" icon={<Spinner size={24} />} title={t('app.loading')} />;
  if (rows.isError) return <EmptyState tone="danger" role="alert" title={t(errorMessageKey(rows.error))} />;
  return (
    <section className="kb-usefulness" aria-labelledby="kb-usefulness-title">
      <h2 id="kb-usefulness-title" className="kb-usefulness__title">
        {t('kb.usefulness.title')}
      </h2>
      <p className="muted">{t('kb.usefulness.subtitle')}</p>
      {rows.data.length === 0 ? (
        <p className="panel__empty">{t('kb.usefulness.empty')}</p>
      ) : (
        <table className="kb-table">
          <thead>
            <tr>
              <th scope="col">{t('kb.usefulness.article')}</th>
              <th scope="col" className="num">
                {t('kb.usefulness.solved')}
              </th>
              <th scope="col" className="num">
                {t('kb.usefulness.open')}
              </th>
              <th scope="col">{t('kb.usefulness.lastUsed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => (
              <tr key={r.article.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpen(r.article.id)}>
                    {r.article.title}
                  </button>
                </td>
                <td className="num">{r.solvedTickets}</td>
                <td className="num">{r.openUses}</td>
                <td>{r.lastUsedAt ? formatDateTime(r.lastUsedAt, language) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
