import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../app/Toaster';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { BookmarkIcon, CloseIcon, PlusIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { normalizeFilter, sameFilter, toApiFilter, type QueueFilterState } from './queue-filter';

type SavedView = RouterOutputs['views']['list'][number];

/**
 * The agent's saved views as a row of chips with live counts (the list refetches with the queue
 * on every ticket change). The chip of the view matching the current filter is pressed.
 */
export function SavedViews({ filter, onSelect, language }: { filter: QueueFilterState; onSelect: (filter: QueueFilterState) => void; language: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const views = useQuery(trpc.views.list.queryOptions());
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const list = views.data ?? [];
  const current = list.find((v) => sameFilter(normalizeFilter(v.filter), filter));

  return (
    <div className="saved-views" role="group" aria-label={t('workspace.views.label')}>
      <span className="saved-views__label">
        <BookmarkIcon size={16} />
        {t('workspace.views.label')}
      </span>
      {views.isPending ? <Spinner size={14} /> : null}
      {views.isSuccess && list.length === 0 ? <span className="saved-views__empty">{t('workspace.views.empty')}</span> : null}
      <ul className="saved-views__list">
        {list.map((view) => (
          <li key={view.id} className="view-chip">
            <button
              type="button"
              className="view-chip__main"
              aria-pressed={view.id === current?.id}
              onClick={() => onSelect({ ...normalizeFilter(view.filter) })}
              title={t('workspace.views.apply', { name: view.name })}
            >
              <span className="view-chip__name">{view.name}</span>
              <span className="view-chip__count" aria-label={t('workspace.views.countLabel', { count: view.count })}>
                {formatNumber(view.count, language)}
              </span>
            </button>
            <button type="button" className="view-chip__delete" aria-label={t('workspace.views.delete', { name: view.name })} title={t('workspace.views.delete', { name: view.name })} onClick={() => setDeleting(view)}>
              <CloseIcon size={12} />
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--ghost button--sm" onClick={() => setSaving(true)} disabled={Boolean(current)} title={current ? t('workspace.views.alreadySaved', { name: current.name }) : undefined}>
        <PlusIcon size={14} />
        {t('workspace.views.save')}
      </button>
      {saving ? <SaveViewDialog filter={filter} onClose={() => setSaving(false)} /> : null}
      {deleting ? <DeleteViewDialog view={deleting} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}

function SaveViewDialog({ filter, onClose }: { filter: QueueFilterState; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    ...trpc.views.save.mutationOptions(),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: trpc.views.list.pathKey() });
      notify(t('workspace.views.saved', { name: view.name }));
      onClose();
    },
    onError: (err) => setError(t(errorMessageKey(err))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('workspace.views.nameRequired'));
      return;
    }
    setError(null);
    save.mutate({ name: name.trim(), filter: toApiFilter(filter) });
  };

  return (
    <Dialog title={t('workspace.views.saveTitle')} description={t('workspace.views.saveDescription')} onClose={onClose} size="sm" busy={save.isPending}>
      <form onSubmit={submit} noValidate>
        <div className="dialog__body">
          <Field label={t('workspace.views.name')} error={error}>
            {(props) => <input {...props} className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoFocus />}
          </Field>
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={save.isPending}>
            {t('workspace.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? <Spinner size={16} /> : null}
            {t('workspace.views.saveConfirm')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

function DeleteViewDialog({ view, onClose }: { view: SavedView; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const remove = useMutation({
    ...trpc.views.delete.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.views.list.pathKey() });
      notify(t('workspace.views.deleted', { name: view.name }));
      onClose();
    },
  });
  return (
    <Dialog title={t('workspace.views.deleteTitle')} description={t('workspace.views.deleteDescription', { name: view.name })} onClose={onClose} size="sm" busy={remove.isPending}>
      {remove.isError ? (
        <div className="dialog__body">
          <div className="alert alert--error" role="alert">
            {t(errorMessageKey(remove.error))}
          </div>
        </div>
      ) : null}
      <footer className="dialog__footer">
        <button type="button" className="button" onClick={onClose} disabled={remove.isPending} autoFocus>
          {t('workspace.common.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={() => remove.mutate({ id: view.id })} disabled={remove.isPending}>
          {remove.isPending ? <Spinner size={16} /> : null}
          {t('workspace.views.deleteConfirm')}
        </button>
      </footer>
    </Dialog>
  );
}
