import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../shared/schemas/common';
import { PlusIcon, TrashIcon } from '../../../components/icons/UiIcons';
import { RowField } from '../../automation/RowField';
import { issuesUnder, type IssueMap } from '../../automation/server-issues';
import type { SkillRuleDraft } from './routing-form';

const EMPTY_RULE: SkillRuleDraft = { category: '', channel: '', tag: '', skills: '' };

/** A team's skill rules: which tickets (category, channel, tag) need which skills at which level. */
export function SkillRulesEditor({ rules, issues, onChange }: { rules: SkillRuleDraft[]; issues: IssueMap; onChange: (rules: SkillRuleDraft[]) => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const patch = (i: number, p: Partial<SkillRuleDraft>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const add = () => {
    onChange([...rules, EMPTY_RULE]);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  const remove = (i: number) => {
    onChange(rules.filter((_, j) => j !== i));
    addRef.current?.focus();
  };
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t('admin.routing.skillRules')}</legend>
      <p className="field__hint">{t('admin.routing.skillRulesHint')}</p>
      <p id={hintId} className="field__hint">
        {t('admin.routing.skillsHint')}
      </p>
      {issues.skillRules ? <p className="field__error">{issues.skillRules}</p> : null}
      {rules.length === 0 ? <p className="muted ppl-empty-line">{t('admin.routing.noRules')}</p> : null}
      <ol ref={listRef} className="ppl-rows">
        {rules.map((r, i) => {
          const n = i + 1;
          const at = (field: string) => issuesUnder(issues, `skillRules.${i}.${field}`);
          const matchErrors = [...at('category'), ...at('channel'), ...at('tag')];
          const skillErrors = at('skills');
          const invalid = (errors: string[]) => (errors.length > 0 ? true : undefined);
          return (
            <li key={i} className="rule-row" role="group" aria-label={t('admin.routing.rule', { n })}>
              <div className="rule-row__controls ppl-rule">
                <span className="rule-row__index" aria-hidden="true">
                  {n}
                </span>
                <RowField label={t('admin.routing.category')}>{(id) => <input id={id} className="input input--sm" maxLength={80} value={r.category} aria-invalid={invalid(at('category'))} onChange={(e) => patch(i, { category: e.target.value })} />}</RowField>
                <RowField label={t('admin.routing.channel')}>
                  {(id) => (
                    <select id={id} className="select select--sm" value={r.channel} onChange={(e) => patch(i, { channel: CHANNELS.find((c) => c === e.target.value) ?? '' })}>
                      <option value="">{t('admin.routing.anyChannel')}</option>
                      {CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {t(`channel.${c}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </RowField>
                <RowField label={t('admin.routing.tag')}>{(id) => <input id={id} className="input input--sm" maxLength={40} value={r.tag} aria-invalid={invalid(at('tag'))} onChange={(e) => patch(i, { tag: e.target.value })} />}</RowField>
                <button type="button" className="icon-button icon-button--sm ppl-row-remove" aria-label={t('admin.routing.removeRule', { n })} title={t('admin.routing.removeRule', { n })} onClick={() => remove(i)}>
                  <TrashIcon size={14} />
                </button>
              </div>
              <div className="ppl-rule__more">
                {matchErrors.length > 0 ? <p className="field__error">{matchErrors.join(' · ')}</p> : null}
                <RowField label={t('admin.routing.skills')}>
                  {(id) => <input id={id} className="input input--sm" value={r.skills} placeholder={t('admin.routing.skillsPlaceholder')} aria-invalid={invalid(skillErrors)} aria-describedby={hintId} onChange={(e) => patch(i, { skills: e.target.value })} />}
                </RowField>
                {skillErrors.length > 0 ? <p className="field__error">{skillErrors.join(' · ')}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <button ref={addRef} type="button" className="button button--sm" onClick={add}>
          <PlusIcon size={14} />
          {t('admin.routing.addRule')}
        </button>
      </div>
    </fieldset>
  );
}
