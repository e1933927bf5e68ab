import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RuleEventTypeSchema, type AutomationRule } from '../../../shared/schemas/automation';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/schemas/ticket';
import { useToast } from '../../app/Toaster';
import { Field } from '../../components/Field';
import { PlusIcon, TrashIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { ActionRow } from './ActionRow';
import { ConditionRow } from './ConditionRow';
import { emptyRuleDraft, fromRule, move, newAction, newCondition, placedPaths, toRuleInput, type RuleDraft, type SlaTarget } from './rule-form';
import { RuleTestPanel } from './RuleTestPanel';
import { badRequestMessage, issueMap, parseServerIssues, unplacedIssues, type IssueMap } from './server-issues';

/** The issues under `prefix`, keyed by the rest of their path ('' for the prefix itself). */
function issuesBelow(issues: IssueMap, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(issues)) {
    if (path === prefix) out[''] = message;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}

/** Create or edit a rule: trigger, conditions (all/any), ordered actions; then test it on a ticket. */
export function RuleEditor({
  rule,
  nextOrder,
  onSaved,
  onDelete,
  onCancel,
}: {
  rule: AutomationRule | null;
  /** Order for a new rule (after the last one): the server does not number new rules itself. */
  nextOrder: number;
  onSaved: (rule: AutomationRule) => void; onDelete?: (() => void) | undefined; onCancel: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? fromRule(rule) : { ...emptyRuleDraft(), order: nextOrder }));
  const [issues, setIssues] = useState<IssueMap>({});
  const [formError, setFormError] = useState<string | null>(null);

  /** BAD_REQUEST from save or test: each message goes next to its field. */
  const showIssues = (err: unknown): boolean => {
    const message = badRequestMessage(err);
    if (message === null) return false;
    setIssues(issueMap(parseServerIssues(message), (p) => (p === 'rule' ? '' : p)));
    setFormError(t('automation.common.fixErrors'));
    return true;
  };
  const save = useMutation({
    ...trpc.automation.save.mutationOptions(),
    onSuccess: (saved) => {
      queryClient.setQueryData(trpc.automation.list.queryKey(), (old) => (old ? [...old.filter((r) => r.id !== saved.id), saved].sort((a, b) => a.order - b.order) : old));
      void queryClient.invalidateQueries({ queryKey: trpc.automation.list.pathKey() });
      notify(t('automation.rules.saved', { name: saved.name }));
      onSaved(saved);
    },
    onError: (err) => {
      if (!showIssues(err)) setFormError(t(errorMessageKey(err)));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIssues({});
    setFormError(null);
    save.mutate(toRuleInput(draft));
  };

  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setTrigger = (patch: Partial<RuleDraft['trigger']>) => setDraft((d) => ({ ...d, trigger: { ...d.trigger, ...patch } }));
  const unplaced = unplacedIssues(issues, placedPaths(draft));
  const triggerIssue = Object.entries(issues)
    .filter(([p]) => p === 'trigger' || (p.startsWith('trigger.') && p !== 'trigger.forHours'))
    .map(([, m]) => m)
    .join(' · ');
  const title = rule ? t('automation.editor.editTitle', { name: rule.name }) : t('automation.editor.newTitle');

  return (
    <div className="adm-stack">
      <form className="panel rule-editor" onSubmit={submit} noValidate aria-label={title}>
        <header className="panel__header">
          <h2 className="panel__title">{title}</h2>
        </header>
        <div className="panel__body">
          {formError ? (
            <div className="alert alert--error" role="alert">
              <span>
                {formError}
                {unplaced.length > 0 ? ` ${t('automation.common.otherErrors')} ${unplaced.join(' · ')}` : null}
              </span>
            </div>
          ) : null}
          <div className="form-grid">
            <Field id="rule-name" label={t('automation.editor.name')} error={issues.name ?? null}>
              {(props) => <input {...props} className="input" value={draft.name} maxLength={120} onChange={(e) => set({ name: e.target.value })} autoFocus={!rule} />}
            </Field>
            <label className="check check--switch rule-editor__enabled">
              <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
              <span>{t('automation.editor.enabled')}</span>
            </label>
          </div>

          <fieldset className="fieldset">
            <legend className="field__label">{t('automation.editor.trigger')}</legend>
            <div className="form-grid form-grid--3">
              <Field label={t('automation.editor.trigger')} error={triggerIssue || null}>
                {(props) => (
                  <select {...props} className="select" value={draft.trigger.type} onChange={(e) => setTrigger({ type: RuleEventTypeSchema.parse(e.target.value) })}>
                    {RuleEventTypeSchema.options.map((type) => (
                      <option key={type} value={type}>
                        {t(`automation.editor.triggerTypes.${type}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {draft.trigger.type === 'sla_warning' || draft.trigger.type === 'sla_breached' ? (
                <Field label={t('automation.editor.slaTarget')}>
                  {(props) => (
                    <select {...props} className="select" value={draft.trigger.target} onChange={(e) => setTrigger({ target: e.target.value as SlaTarget })}>
                      {(['any', 'first_response', 'resolution'] as const).map((x) => (
                        <option key={x} value={x}>
                          {t(`automation.editor.slaTargets.${x}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ) : null}
              {draft.trigger.type === 'time_based' ? (
                <>
                  <Field label={t('automation.editor.timeStatus')}>
                    {(props) => (
                      <select {...props} className="select" value={draft.trigger.equals} onChange={(e) => setTrigger({ equals: e.target.value as TicketStatus })}>
                        {TICKET_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`status.${s}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={t('automation.editor.forHours')} error={issues['trigger.forHours'] ?? null}>
                    {(props) => <input {...props} className="input" inputMode="decimal" value={draft.trigger.forHours} onChange={(e) => setTrigger({ forHours: e.target.value })} />}
                  </Field>
                </>
              ) : null}
            </div>
          </fieldset>

          <fieldset className="fieldset">
            <legend className="field__label">{t('automation.editor.conditions')}</legend>
            <div className="segmented segmented--sm rule-editor__match" role="radiogroup" aria-label={t('automation.editor.match')}>
              {(['all', 'any'] as const).map((m) => (
                <button key={m} type="button" role="radio" aria-checked={draft.match === m} aria-pressed={draft.match === m} className="segmented__item segmented__item--wide" onClick={() => set({ match: m })}>
                  {t(m === 'all' ? 'automation.editor.matchAll' : 'automation.editor.matchAny')}
                </button>
              ))}
            </div>
            {draft.conditions.length === 0 ? <p className="field__hint">{t('automation.editor.conditionsHint')}</p> : null}
            <div className="rule-rows">
              {draft.conditions.map((c, i) => (
                <ConditionRow
                  key={i}
                  index={i}
                  condition={c}
                  issues={issuesBelow(issues, `conditions.items.${i}`)}
                  onChange={(next) => set({ conditions: draft.conditions.map((x, j) => (j === i ? next : x)) })}
                  onRemove={() => set({ conditions: draft.conditions.filter((_, j) => j !== i) })}
                />
              ))}
            </div>
            <button type="button" className="button button--sm" onClick={() => set({ conditions: [...draft.conditions, newCondition()] })}>
              <PlusIcon size={14} />
              {t('automation.editor.addCondition')}
            </button>
          </fieldset>

          <fieldset className="fieldset">
            <legend className="field__label">{t('automation.editor.actions')}</legend>
            {issues.actions ? <p className="field__error">{issues.actions}</p> : null}
            <ol className="rule-rows">
              {draft.actions.map((a, i) => (
                <ActionRow
                  key={i}
                  index={i}
                  count={draft.actions.length}
                  action={a}
                  issues={issuesBelow(issues, `actions.${i}`)}
                  onChange={(next) => set({ actions: draft.actions.map((x, j) => (j === i ? next : x)) })}
                  onMove={(delta) => set({ actions: move(draft.actions, i, delta) })}
                  onRemove={() => set({ actions: draft.actions.filter((_, j) => j !== i) })}
                />
              ))}
            </ol>
            <button type="button" className="button button--sm" onClick={() => set({ actions: [...draft.actions, newAction('add_tag')] })}>
              <PlusIcon size={14} />
              {t('automation.editor.addAction')}
            </button>
          </fieldset>
        </div>
        <footer className="panel__footer">
          {onDelete ? (
            <button type="button" className="button button--ghost button--danger-text" onClick={onDelete} disabled={save.isPending}>
              <TrashIcon size={16} />
              {t('automation.common.delete')}
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" className="button" onClick={onCancel} disabled={save.isPending}>
            {t('automation.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? <Spinner size={16} /> : null}
            {rule ? t('automation.common.save') : t('automation.editor.create')}
          </button>
        </footer>
      </form>
      <RuleTestPanel
        draft={draft}
        onInvalid={showIssues}
        onValid={() => {
          setIssues({});
          setFormError(null);
        }}
      />
    </div>
  );
}
