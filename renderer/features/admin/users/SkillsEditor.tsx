import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../../components/icons/UiIcons';
import type { IssueMap } from '../../automation/server-issues';
import { RowField } from '../../automation/RowField';
import { SKILL_LEVELS, type SkillDraft } from './user-form';

/** An agent's skills: one row per skill (name, level 1–5), names suggested from the other users'. */
export function SkillsEditor({ skills, known, issues, onChange }: { skills: SkillDraft[]; known: readonly string[]; issues: IssueMap; onChange: (skills: SkillDraft[]) => void }) {
  const { t } = useTranslation();
  const listId = useId();
  const rowsRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the row they just added, or on "add" after removing one.
  const add = () => {
    onChange([...skills, { name: '', level: 3 }]);
    requestAnimationFrame(() => rowsRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  const remove = (i: number) => {
    onChange(skills.filter((_, j) => j !== i));
    addRef.current?.focus();
  };
  const patch = (i: number, p: Partial<SkillDraft>) => onChange(skills.map((s, j) => (j === i ? { ...s, ...p } : s)));
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t('admin.userForm.skills')}</legend>
      <p className="field__hint">{t('admin.userForm.skillsHint')}</p>
      {issues.skills ? <p className="field__error">{issues.skills}</p> : null}
      {skills.length === 0 ? <p className="muted ppl-empty-line">{t('admin.userForm.noSkills')}</p> : null}
      <datalist id={listId}>
        {known.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <ol ref={rowsRef} className="ppl-rows">
        {skills.map((s, i) => {
          const n = i + 1;
          const nameError = issues[`skills.${i}.name`];
          const levelError = issues[`skills.${i}.level`];
          return (
            <li key={i} className="ppl-skill" role="group" aria-label={t('admin.userForm.skill', { n })}>
              <RowField label={t('admin.userForm.skillName')} className="rule-row__field--grow">
                {(id) => <input id={id} className="input input--sm" list={listId} value={s.name} maxLength={40} aria-invalid={nameError ? true : undefined} onChange={(e) => patch(i, { name: e.target.value })} />}
              </RowField>
              <RowField label={t('admin.userForm.skillLevel')} className="ppl-skill__level">
                {(id) => (
                  <select id={id} className="select select--sm" value={s.level} aria-invalid={levelError ? true : undefined} onChange={(e) => patch(i, { level: Number(e.target.value) })}>
                    {SKILL_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`admin.userForm.levels.${level}`)}
                      </option>
                    ))}
                  </select>
                )}
              </RowField>
              <button type="button" className="icon-button icon-button--sm ppl-row-remove" aria-label={t('admin.userForm.removeSkill', { n })} title={t('admin.userForm.removeSkill', { n })} onClick={() => remove(i)}>
                <TrashIcon size={14} />
              </button>
              {nameError || levelError ? <p className="field__error ppl-row-error">{[nameError, levelError].filter(Boolean).join(' · ')}</p> : null}
            </li>
          );
        })}
      </ol>
      <div>
        <button ref={addRef} type="button" className="button button--sm" onClick={add}>
          <PlusIcon size={14} />
          {t('admin.userForm.addSkill')}
        </button>
      </div>
    </fieldset>
  );
}
