import { useTranslation } from 'react-i18next';
import { RowField } from './RowField';
import { CONDITION_FIELDS, type ConditionField, type ConditionOp } from '../../../shared/schemas/automation';
import { TrashIcon } from '../../components/icons/UiIcons';
import { enumValuesOf, fieldKind, opsOf, splitList, withField, withOp, type ConditionDraft } from './rule-form';
import { useAdminDirectory } from './useAdminDirectory';
import { useValueLabel } from './useValueLabel';

/** One condition: field → operators that field allows → a value input fitting the field's kind. */
export function ConditionRow({
  index,
  condition,
  issues,
  onChange,
  onRemove,
}: {
  index: number;
  condition: ConditionDraft;
  /** Server messages by path under `conditions.items.<index>`: `field`, `op`, `value` or '' (the row). */
  issues: Readonly<Record<string, string>>;
  onChange: (c: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const base = `cond-${index}`;
  const messages = Object.values(issues);
  const invalid = (part: string) => (issues[part] ? true : undefined);
  const describedBy = messages.length > 0 ? `${base}-error` : undefined;
  return (
    <div className="rule-row" role="group" aria-label={t('automation.editor.condition', { n })}>
      <div className="rule-row__controls rule-row__controls--condition">
        <RowField label={t('automation.editor.field')}>
          {(id) => (
          <select id={id} className="select" value={condition.field} aria-invalid={invalid('field')} aria-describedby={describedBy} onChange={(e) => onChange(withField(condition, e.target.value as ConditionField))}>
            {CONDITION_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`automation.editor.fields.${f}`)}
              </option>
            ))}
          </select>
          )}
        </RowField>
        <RowField label={t('automation.editor.op')}>
          {(id) => (
          <select id={id} className="select" value={condition.op} aria-invalid={invalid('op')} aria-describedby={describedBy} onChange={(e) => onChange(withOp(condition, e.target.value as ConditionOp))}>
            {opsOf(condition.field).map((op) => (
              <option key={op} value={op}>
                {t(`automation.editor.ops.${op}`)}
              </option>
            ))}
          </select>
          )}
        </RowField>
        <ConditionValue condition={condition} invalid={invalid('value')} describedBy={describedBy} onChange={onChange} />
        <button type="button" className="icon-button rule-row__remove" aria-label={t('automation.editor.removeCondition', { n })} title={t('automation.editor.removeCondition', { n })} onClick={onRemove}>
          <TrashIcon size={16} />
        </button>
      </div>
      {messages.length > 0 ? (
        <p id={`${base}-error`} className="field__error">
          {messages.join(' · ')}
        </p>
      ) : null}
    </div>
  );
}

function ConditionValue({ condition, invalid, describedBy, onChange }: { condition: ConditionDraft; invalid: true | undefined; describedBy: string | undefined; onChange: (c: ConditionDraft) => void }) {
  const { t } = useTranslation();
  const directory = useAdminDirectory();
  const label = useValueLabel();
  const kind = fieldKind(condition.field);
  const choices: { value: string; label: string }[] =
    kind === 'enum'
      ? enumValuesOf(condition.field).map((v) => ({ value: v, label: label(condition.field, v) }))
      : kind === 'id'
        ? (condition.field === 'team' ? directory.teams.map((x) => ({ value: x.id, label: x.name })) : directory.agents.map((x) => ({ value: x.id, label: x.displayName })))
        : [];
  const common = { 'aria-invalid': invalid, 'aria-describedby': describedBy };

  if (condition.op === 'in' && (kind === 'enum' || kind === 'id')) {
    return (
      <fieldset className="rule-row__field rule-row__checks" {...common}>
        <legend className="field__label">{t('automation.editor.value')}</legend>
        <div className="check-grid check-grid--compact">
          {choices.map((c) => (
            <label key={c.value} className="check">
              <input
                type="checkbox"
                checked={condition.values.includes(c.value)}
                onChange={(e) => onChange({ ...condition, values: e.target.checked ? [...condition.values, c.value] : condition.values.filter((v) => v !== c.value) })}
              />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  if (condition.op === 'in') {
    return (
      <RowField className="rule-row__field--grow" label={t('automation.editor.value')}>
        {(id) => (
        <input id={id} className="input" {...common} value={condition.values.join(', ')} placeholder={t('automation.common.listHint')} onChange={(e) => onChange({ ...condition, values: splitList(e.target.value) })} />
        )}
      </RowField>
    );
  }
  if (kind === 'enum' || kind === 'id') {
    return (
      <RowField className="rule-row__field--grow" label={t('automation.editor.value')}>
        {(id) => (
        <select id={id} className="select" {...common} value={condition.value} onChange={(e) => onChange({ ...condition, value: e.target.value })}>
          {kind === 'id' ? <option value="">{t('automation.common.none')}</option> : null}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        )}
      </RowField>
    );
  }
  return (
    <RowField className="rule-row__field--grow" label={t('automation.editor.value')}>
      {(id) => (
      <input
        id={id}
        className="input"
        {...common}
        inputMode={kind === 'number' ? 'decimal' : undefined}
        value={condition.value}
        maxLength={kind === 'set' ? 40 : 300}
        onChange={(e) => onChange({ ...condition, value: e.target.value })}
      />
      )}
    </RowField>
  );
}
