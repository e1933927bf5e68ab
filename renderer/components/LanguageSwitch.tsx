import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, type Language } from '../../shared/i18n';

/** Two toggle buttons (PT | EN) in a labelled group; each names its language in that language. */
export function LanguageSwitch({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {SUPPORTED_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="segmented__item"
          aria-pressed={value === language}
          aria-label={t(`language.names.${language}`)}
          lang={language}
          title={t(`language.names.${language}`)}
          onClick={() => onChange(language)}
        >
          {t(`language.short.${language}`)}
        </button>
      ))}
    </div>
  );
}
