import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldControlProps } from '../../../components/Field';
import { EyeIcon, EyeOffIcon } from '../../../components/icons/UiIcons';
import { generatePassword } from './user-form';

/**
 * A new password with a show/hide button and, optionally, "generate" (which shows what it made:
 * the admin has to hand it over once).
 */
export function PasswordInput({ control, value, onChange, canGenerate = false }: { control: FieldControlProps; value: string; onChange: (value: string, generated: boolean) => void; canGenerate?: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <div className="ppl-password">
      <div className="input-group">
        <input {...control} className="input" type={shown ? 'text' : 'password'} autoComplete="new-password" spellCheck={false} maxLength={200} value={value} onChange={(e) => onChange(e.target.value, false)} />
        <button type="button" className="input-group__button" aria-label={shown ? t('login.hidePassword') : t('login.showPassword')} title={shown ? t('login.hidePassword') : t('login.showPassword')} onClick={() => setShown(!shown)}>
          {shown ? <EyeOffIcon size={18} /> : <EyeIcon size={18} />}
        </button>
      </div>
      {canGenerate ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            onChange(generatePassword(), true);
            setShown(true);
          }}
        >
          {t('admin.userForm.generate')}
        </button>
      ) : null}
    </div>
  );
}
