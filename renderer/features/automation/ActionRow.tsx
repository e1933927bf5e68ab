import { useTranslation } from 'react-i18next';
import { RowField } from './RowField';
import { SETTABLE_FIELDS } from '../../../shared/schemas/automation';
import { PRIORITIES, TICKET_STATUSES } from '../../../shared/schemas/ticket';
import { TrashIcon } from '../../components/icons/UiIcons';
import { ArrowDownIcon, ArrowUpIcon } from './AdminIcons';
import { ACTION_TYPES, newAction, type ActionDraft, type ActionType, type SettableField } from './rule-form';
import { useAdminDirectory } from './useAdminDirectory';
import { useValueLabel } from './useValueLabel';

/** One action of the ordered list: its type, then the inputs that type takes. */
export function ActionRow({
  index,
  count,
  action,
  issues,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  action: ActionDraft;
  /** Server messages under `actions.<index>`, by sub-path. */
  issues: Readonly<Record<string, string>>;
  onChange: (a: ActionDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const messages = Object.values(issues);
  const describedBy = messages.length > 0 ? `action-${index}-error` : undefined;
  const common = { 'aria-invalid': messages.length > 0 ? (true as const) : undefined, 'aria-describedby': describedBy };
  const setType = (type: ActionType) => onChange({ ...action, type, ...(type === 'set_field' && action.type !== 'set_field' ? { value: newAction('set_field').value, field: 'priority' as const } : {}), ...(type !== action.type && (type.startsWith('assign') || type === 'reply_macro') ? { ref: '' } : {}) });
  return (
    <li className="rule-row" role="group" aria-label={t('automation.editor.action', { n })}>
      <div className="rule-row__controls rule-row__controls--action">
        <span className="rule-row__index" aria-hidden="true">
          {n}
        </span>
        <RowField className="rule-row__field--type" label={t('automation.editor.actionType')}>
          {(id) => (
          <select id={id} className="select" value={action.type} onChange={(e) => setType(e.target.value as ActionType)}>
            {ACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`automation.editor.actionTypes.${type}`)}
              </option>
            ))}
          </select>
          )}
        </RowField>
        <ActionInputs action={action} common={common} onChange={onChange} />
        <span className="rule-row__buttons">
          <button type="button" className="icon-button" aria-label={t('automation.editor.moveActionUp', { n })} title={t('automation.editor.moveActionUp', { n })} disabled={index === 0} onClick={() => onMove(-1)}>
            <ArrowUpIcon size={16} />
          </button>
          <button type="button" className="icon-button" aria-label={t('automation.editor.moveActionDown', { n })} title={t('automation.editor.moveActionDown', { n })} disabled={index === count - 1} onClick={() => onMove(1)}>
            <ArrowDownIcon size={16} />
          </button>
          <button type="button" className="icon-button" aria-label={t('automation.editor.removeAction', { n })} title={t('automation.editor.removeAction', { n })} onClick={onRemove}>
            <TrashIcon size={16} />
          </button>
        </span>
      </div>
      {messages.length > 0 ? (
        <p id={`action-${index}-error`} className="field__error">
          {messages.join(' · ')}
        </p>
      ) : null}
    </li>
  );
}

function ActionInputs({ action, common, onChange }: { action: ActionDraft; common: { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }; onChange: (a: ActionDraft) => void }) {
  const { t } = useTranslation();
  const directory = useAdminDirectory();
  const label = useValueLabel();
  const set = (patch: Partial<ActionDraft>) => onChange({ ...action, ...patch });
  switch (action.type) {
    case 'set_field': {
      const values = action.field === 'status' ? TICKET_STATUSES : action.field === 'priority' ? PRIORITIES : null;
      return (
        <>
          <RowField label={t('automation.editor.setField')}>
            {(id) => (
            <select
              id={id}
              className="select"
              value={action.field}
              onChange={(e) => {
                const field = e.target.value as SettableField;
                set({ field, value: field === 'status' ? 'open' : field === 'priority' ? 'high' : '' });
              }}
            >
              {SETTABLE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`automation.editor.fields.${f}`)}
                </option>
              ))}
            </select>
            )}
          </RowField>
          <RowField className="rule-row__field--grow" label={t('automation.editor.setValue')}>
            {(id) =>
              values ? (
              <select id={id} className="select" {...common} value={action.value} onChange={(e) => set({ value: e.target.value })}>
                {values.map((v) => (
                  <option key={v} value={v}>
                    {label(action.field, v)}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id} className="input" {...common} value={action.value} maxLength={80} placeholder={t('automation.editor.categoryPlaceholder')} onChange={(e) => set({ value: e.target.value })} />
              )
            }
          </RowField>
        </>
      );
    }
    case 'assign_team':
    case 'assign_agent': {
      const options = action.type === 'assign_team' ? directory.teams.map((x) => ({ id: x.id, name: x.name })) : directory.agents.map((x) => ({ id: x.id, name: x.displayName }));
      return (
        <RowField className="rule-row__field--grow" label={t(action.type === 'assign_team' ? 'automation.editor.team' : 'automation.editor.agent')}>
          {(id) => (
          <select id={id} className="select" {...common} value={action.ref} onChange={(e) => set({ ref: e.target.value })}>
            <option value="">{t('automation.editor.nobody')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          )}
        </RowField>
      );
    }
    case 'add_tag':
    case 'remove_tag':
      return (
        <RowField className="rule-row__field--grow" label={t('automation.editor.tag')}>
          {(id) => (
          <input id={id} className="input" {...common} value={action.tag} maxLength={40} onChange={(e) => set({ tag: e.target.value })} />
          )}
        </RowField>
      );
    case 'reply_macro':
      return (
        <RowField className="rule-row__field--grow" label={t('automation.editor.macro')}>
          {(id) => (
          <select id={id} className="select" {...common} value={action.ref} onChange={(e) => set({ ref: e.target.value })}>
            <option value="">{t('automation.editor.chooseMacro')}</option>
            {directory.macros.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          )}
        </RowField>
      );
    case 'add_note':
      return (
        <RowField className="rule-row__field--grow" label={t('automation.editor.note')}>
          {(id) => (
          <textarea id={id} className="textarea" {...common} rows={2} value={action.text} maxLength={10_000} onChange={(e) => set({ text: e.target.value })} />
          )}
        </RowField>
      );
    case 'notify_users':
      return (
        <fieldset className="rule-row__field rule-row__field--grow rule-row__checks" {...common}>
          <legend className="field__label">{t('automation.editor.users')}</legend>
          <div className="check-grid check-grid--compact check-grid--scroll">
            {directory.users
              .filter((u) => u.active)
              .map((u) => (
                <label key={u.id} className="check">
                  <input type="checkbox" checked={action.userIds.includes(u.id)} onChange={(e) => set({ userIds: e.target.checked ? [...action.userIds, u.id] : action.userIds.filter((id) => id !== u.id) })} />
                  <span>{u.displayName}</span>
                </label>
              ))}
          </div>
        </fieldset>
      );
    case 'send_csat':
      return <p className="field__hint rule-row__field--grow rule-row__note">{t('automation.editor.csatHint')}</p>;
  }
}
