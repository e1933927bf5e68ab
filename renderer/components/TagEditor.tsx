import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from './icons/UiIcons';

/** Tags as the server accepts them: no spaces or commas, up to 40 characters. */
export function toTag(text: string): string {
  return text.trim().replace(/[\s,]+/g, '-').slice(0, 40);
}

/**
 * Tags as removable chips plus a box: Enter or comma adds, Backspace in the empty box removes the
 * last one.
 */
export function TagEditor({
  id,
  value,
  onChange,
  disabled,
  describedBy,
  invalid,
}: {
  id?: string;
  value: string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');

  const add = () => {
    const tag = toTag(draft);
    setDraft('');
    if (tag && !value.includes(tag)) onChange([...value, tag]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className={`tag-editor${invalid ? ' tag-editor--invalid' : ''}`}>
      {value.map((tag) => (
        <span key={tag} className="tag">
          {tag}
          <button type="button" className="tag__remove" aria-label={t('workspace.tags.remove', { tag })} title={t('workspace.tags.remove', { tag })} onClick={() => onChange(value.filter((v) => v !== tag))} disabled={disabled}>
            <CloseIcon size={12} />
          </button>
        </span>
      ))}
      <input
        id={id}
        className="tag-editor__input"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
        placeholder={value.length === 0 ? t('workspace.tags.placeholder') : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        disabled={disabled}
        maxLength={40}
      />
    </div>
  );
}
