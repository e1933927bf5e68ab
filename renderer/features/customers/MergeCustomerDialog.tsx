import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneBr } from '../../../shared/br/phone';
import { customerHref } from '../../app/hash-route';
import { useToast } from '../../app/Toaster';
import { navigateToHref } from '../../app/useHashRoute';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { MergeIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { isSearchable } from './customer-form';

type Customer = RouterOutputs['customers']['view360']['customer'];
type Candidate = RouterOutputs['customers']['search'][number];

const contacts = (c: Pick<Candidate, 'cpfMasked' | 'phones' | 'emails'>) => [c.cpfMasked, ...c.phones.slice(0, 2).map(formatPhoneBr), ...c.emails.slice(0, 1)].filter(Boolean).join(' · ');

/**
 * Merge this (duplicate) customer into another one, picked by search: tickets, history, orders
 * and contacts move to the one kept. Supervisors only; confirmed in a second step.
 */
export function MergeCustomerDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [text, setText] = useState('');
  const [target, setTarget] = useState<Candidate | null>(null);
  const settled = useDebouncedValue(text.trim(), 300);
  const searchable = isSearchable(settled);
  const results = useQuery({ ...trpc.customers.search.queryOptions({ text: settled, limit: 10 }), enabled: searchable });
  const candidates = (results.data ?? []).filter((c) => c.id !== customer.id);

  const merge = useMutation({
    ...trpc.customers.merge.mutationOptions(),
    onSuccess: (kept) => {
      void queryClient.invalidateQueries({ queryKey: trpc.customers.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.pathKey() });
      notify(t('workspace.customerMerge.done', { source: customer.name, target: kept.name }));
      onClose();
      navigateToHref(customerHref(kept.id));
    },
  });

  return (
    <Dialog title={t('workspace.customerMerge.title')} description={t('workspace.customerMerge.description', { name: customer.name })} onClose={onClose} busy={merge.isPending}>
      {target ? (
        <>
          <div className="dialog__body">
            <div className="merge-preview">
              <div className="merge-pair">
                <div className="merge-pair__card merge-pair__card--source">
                  <span className="merge-pair__role">{t('workspace.customerMerge.source')}</span>
                  <strong>{customer.name}</strong>
                  <span className="muted">{contacts(customer)}</span>
                </div>
                <MergeIcon size={20} />
                <div className="merge-pair__card">
                  <span className="merge-pair__role">{t('workspace.customerMerge.target')}</span>
                  <strong>{target.name}</strong>
                  <span className="muted">{contacts(target)}</span>
                </div>
              </div>
              <p className="merge-preview__warning">{t('workspace.customerMerge.warning', { source: customer.name, target: target.name })}</p>
            </div>
            {merge.isError ? (
              <div className="alert alert--error" role="alert">
                {t(errorMessageKey(merge.error))}
              </div>
            ) : null}
          </div>
          <footer className="dialog__footer">
            <button type="button" className="button" onClick={() => setTarget(null)} disabled={merge.isPending}>
              {t('workspace.common.back')}
            </button>
            <button type="button" className="button button--danger" onClick={() => merge.mutate({ sourceId: customer.id, targetId: target.id })} disabled={merge.isPending} autoFocus>
              {merge.isPending ? <Spinner size={16} /> : <MergeIcon size={16} />}
              {t('workspace.customerMerge.confirm')}
            </button>
          </footer>
        </>
      ) : (
        <>
          <div className="dialog__body">
            <Field label={t('workspace.customerMerge.search')} hint={t('workspace.customers.searchHint')}>
              {(props) => <input {...props} type="search" className="input" value={text} onChange={(e) => setText(e.target.value)} autoFocus placeholder={t('workspace.customers.searchPlaceholder')} />}
            </Field>
            {searchable && results.isPending ? (
              <p className="muted">
                <Spinner size={14} /> {t('workspace.customers.searching')}
              </p>
            ) : null}
            {searchable && results.isSuccess && candidates.length === 0 ? <p className="muted">{t('workspace.customers.noResults', { text: settled })}</p> : null}
            {candidates.length > 0 ? (
              <ul className="results results--compact" aria-label={t('workspace.customers.resultsLabel')}>
                {candidates.map((c) => (
                  <li key={c.id}>
                    <button type="button" className="result-row" onClick={() => setTarget(c)}>
                      <span className="result-row__main">
                        <span className="result-row__name">{c.name}</span>
                        <span className="result-row__contacts">{contacts(c)}</span>
                      </span>
                      <span className="result-row__action">{t('workspace.customerMerge.choose')}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <footer className="dialog__footer">
            <button type="button" className="button" onClick={onClose}>
              {t('workspace.common.cancel')}
            </button>
          </footer>
        </>
      )}
    </Dialog>
  );
}
