import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../app/Toaster';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { BoltIcon, PlusIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDescribeMacro } from '../tickets/Composer';
import { MacroEditor } from './MacroEditor';

type Macro = RouterOutputs['macros']['list'][number];

/** Macros: the list on the left, the one being edited (or a new one) on the right. */
export function MacrosManager() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const macros = useQuery(trpc.macros.list.queryOptions());
  const describe = useDescribeMacro();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Macro | null>(null);
  const list = macros.data ?? [];
  const current = selected === 'new' ? null : (list.find((m) => m.id === selected) ?? null);

  return (
    <div className="admin-layout">
      <section className="panel admin-list" aria-labelledby="macros-title">
        <header className="panel__header">
          <h2 id="macros-title" className="panel__title">
            <BoltIcon size={16} />
            {t('workspace.admin.macros')}
          </h2>
          <button type="button" className="button button--primary button--sm" onClick={() => setSelected('new')}>
            <PlusIcon size={14} />
            {t('workspace.admin.newMacro')}
          </button>
        </header>
        {macros.isPending ? (
          <EmptyState role="status" icon={<Spinner size={24} />} title={t('app.loading')} />
        ) : macros.isError ? (
          <p className="panel__empty">{t(errorMessageKey(macros.error))}</p>
        ) : list.length === 0 ? (
          <p className="panel__empty">{t('workspace.admin.noMacros')}</p>
        ) : (
          <ul className="macro-list">
            {list.map((m) => (
              <li key={m.id}>
                <button type="button" className="macro-list__item" aria-current={m.id === selected ? 'true' : undefined} onClick={() => setSelected(m.id)}>
                  <span className="macro-list__name">
                    {m.name}
                    {!m.active ? <span className="pill pill--muted">{t('workspace.admin.inactive')}</span> : null}
                  </span>
                  <span className="macro-list__actions">{describe(m)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="admin-editor">
        {selected === null || (selected !== 'new' && !current) ? (
          <div className="panel">
            <EmptyState icon={<BoltIcon size={28} />} title={t('workspace.admin.pickTitle')} body={t('workspace.admin.pickBody')} />
          </div>
        ) : (
          <MacroEditor
            key={current ? `${current.id}:${current.version}` : 'new'}
            macro={current}
            onSaved={(m) => setSelected(m.id)}
            onDelete={current ? () => setDeleting(current) : undefined}
            onCancel={() => setSelected(null)}
          />
        )}
      </div>
      {deleting ? (
        <DeleteMacroDialog
          macro={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            setSelected(null);
          }}
        />
      ) : null}
    </div>
  );
}

function DeleteMacroDialog({ macro, onClose, onDeleted }: { macro: Macro; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const remove = useMutation({
    ...trpc.macros.delete.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.macros.list.pathKey() });
      notify(t('workspace.admin.deleted', { name: macro.name }));
      onDeleted();
    },
  });
  return (
    <Dialog title={t('workspace.admin.deleteTitle')} description={t('workspace.admin.deleteDescription', { name: macro.name })} onClose={onClose} size="sm" busy={remove.isPending}>
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
        <button type="button" className="button button--danger" onClick={() => remove.mutate({ id: macro.id })} disabled={remove.isPending}>
          {remove.isPending ? <Spinner size={16} /> : null}
          {t('workspace.admin.deleteConfirm')}
        </button>
      </footer>
    </Dialog>
  );
}
