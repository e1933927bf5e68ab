import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationRule } from '../../../shared/schemas/automation';
import { useToast } from '../../app/Toaster';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { BoltIcon, PlusIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { ArrowDownIcon, ArrowUpIcon } from './AdminIcons';
import { move } from './rule-form';
import { RuleEditor } from './RuleEditor';

/** Automation rules: the ordered list (enable, move up/down) on the left, the editor on the right. */
export function AutomationManager() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const rules = useQuery(trpc.automation.list.queryOptions());
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AutomationRule | null>(null);
  const list = rules.data ?? [];
  const current = selected === 'new' ? null : (list.find((r) => r.id === selected) ?? null);
  const listKey = trpc.automation.list.queryKey();

  const reorder = useMutation({
    ...trpc.automation.reorder.mutationOptions(),
    onSuccess: (next) => {
      queryClient.setQueryData(listKey, next);
      notify(t('automation.rules.reordered'));
    },
    onError: (err) => {
      notify(t(errorMessageKey(err)), 'error');
      void queryClient.invalidateQueries({ queryKey: trpc.automation.list.pathKey() });
    },
  });
  const toggle = useMutation({
    ...trpc.automation.save.mutationOptions(),
    onSuccess: (saved) => {
      queryClient.setQueryData(listKey, (old) => old?.map((r) => (r.id === saved.id ? saved : r)));
      notify(t(saved.enabled ? 'automation.rules.toggledOn' : 'automation.rules.toggledOff', { name: saved.name }));
    },
    onError: (err) => notify(t(errorMessageKey(err)), 'error'),
  });

  const moveRule = (index: number, delta: -1 | 1) => {
    const rule = list[index];
    if (!rule) return;
    const next = move(list, index, delta);
    // Shown at once; the server's answer (new order numbers) replaces it.
    queryClient.setQueryData(listKey, next);
    reorder.mutate({ ids: next.map((r) => r.id) });
    // The moved rule keeps the focus, on the button that can still move it the same way.
    const newIndex = index + delta;
    const edge = delta < 0 ? newIndex === 0 : newIndex === next.length - 1;
    requestAnimationFrame(() => document.getElementById(`rule-${rule.id}-${(delta < 0) !== edge ? 'up' : 'down'}`)?.focus());
  };

  return (
    <div className="admin-layout adm-layout--wide">
      <section className="panel admin-list" aria-labelledby="rules-title">
        <header className="panel__header">
          <h2 id="rules-title" className="panel__title">
            <BoltIcon size={16} />
            {t('automation.rules.title')}
          </h2>
          <button type="button" className="button button--primary button--sm" onClick={() => setSelected('new')}>
            <PlusIcon size={14} />
            {t('automation.rules.new')}
          </button>
        </header>
        {rules.isPending ? (
          <EmptyState role="status" icon={<Spinner size={24} />} title={t('app.loading')} />
        ) : rules.isError ? (
          <p className="panel__empty">{t(errorMessageKey(rules.error))}</p>
        ) : list.length === 0 ? (
          <p className="panel__empty">{t('automation.rules.empty')}</p>
        ) : (
          <>
            <p className="adm-hint">{t('automation.rules.orderHint')}</p>
            <ol className="rule-list">
              {list.map((r, i) => (
                <li key={r.id} className="rule-list__row">
                  <span className="rule-list__order" aria-hidden="true">
                    {i + 1}
                  </span>
                  <button type="button" className="macro-list__item rule-list__item" aria-current={r.id === selected ? 'true' : undefined} onClick={() => setSelected(r.id)}>
                    <span className="macro-list__name">
                      {r.name}
                      {!r.enabled ? <span className="pill pill--muted">{t('automation.rules.disabled')}</span> : null}
                    </span>
                    <span className="macro-list__actions">
                      {t('automation.rules.summary', {
                        trigger: t(`automation.editor.triggerTypes.${r.trigger.type}`),
                        conditions: t('automation.rules.conditionCount', { count: r.conditions.items.length }),
                        actions: t('automation.rules.actionCount', { count: r.actions.length }),
                      })}
                    </span>
                  </button>
                  <span className="rule-list__controls">
                    <label className="switch" title={t('automation.rules.enabledLabel', { name: r.name })}>
                      <input
                        type="checkbox"
                        checked={r.enabled}
                        aria-label={t('automation.rules.enabledLabel', { name: r.name })}
                        disabled={toggle.isPending}
                        onChange={(e) => toggle.mutate({ ...r, enabled: e.target.checked })}
                      />
                      <span className="switch__track" aria-hidden="true" />
                    </label>
                    <button type="button" id={`rule-${r.id}-up`} className="icon-button icon-button--sm" aria-label={t('automation.rules.moveUp', { name: r.name })} title={t('automation.rules.moveUp', { name: r.name })} disabled={i === 0 || reorder.isPending} onClick={() => moveRule(i, -1)}>
                      <ArrowUpIcon size={14} />
                    </button>
                    <button
                      type="button"
                      id={`rule-${r.id}-down`}
                      className="icon-button icon-button--sm"
                      aria-label={t('automation.rules.moveDown', { name: r.name })}
                      title={t('automation.rules.moveDown', { name: r.name })}
                      disabled={i === list.length - 1 || reorder.isPending}
                      onClick={() => moveRule(i, 1)}
                    >
                      <ArrowDownIcon size={14} />
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <div className="admin-editor">
        {selected === null || (selected !== 'new' && !current) ? (
          <div className="panel">
            <EmptyState icon={<BoltIcon size={28} />} title={t('automation.rules.pickTitle')} body={t('automation.rules.pickBody')} />
          </div>
        ) : (
          <RuleEditor
            key={current ? `${current.id}:${current.order}:${String(current.enabled)}` : 'new'}
            rule={current}
            nextOrder={list.reduce((max, r) => Math.max(max, r.order), 0) + 10}
            onSaved={(r) => setSelected(r.id)}
            onDelete={current ? () => setDeleting(current) : undefined}
            onCancel={() => setSelected(null)}
          />
        )}
      </div>
      {deleting ? (
        <DeleteRuleDialog
          rule={deleting}
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

function DeleteRuleDialog({ rule, onClose, onDeleted }: { rule: AutomationRule; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const remove = useMutation({
    ...trpc.automation.delete.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.automation.list.pathKey() });
      notify(t('automation.rules.deleted', { name: rule.name }));
      onDeleted();
    },
  });
  return (
    <Dialog title={t('automation.rules.deleteTitle')} description={t('automation.rules.deleteDescription', { name: rule.name })} onClose={onClose} size="sm" busy={remove.isPending}>
      {remove.isError ? (
        <div className="dialog__body">
          <div className="alert alert--error" role="alert">
            {t(errorMessageKey(remove.error))}
          </div>
        </div>
      ) : null}
      <footer className="dialog__footer">
        <button type="button" className="button" onClick={onClose} disabled={remove.isPending} autoFocus>
          {t('automation.common.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={() => remove.mutate({ id: rule.id })} disabled={remove.isPending}>
          {remove.isPending ? <Spinner size={16} /> : null}
          {t('automation.rules.deleteConfirm')}
        </button>
      </footer>
    </Dialog>
  );
}
