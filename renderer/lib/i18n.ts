import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, resources, SUPPORTED_LANGUAGES, type Language } from '../../shared/i18n';

const STORAGE_KEY = 'atende.language';

export function readStoredLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/**
 * The renderer's i18next instance: catalogs bundled (no loading, so init is synchronous), the
 * language chosen last on this machine or pt-BR, and `<html lang>` kept in step so screen
 * readers and hyphenation follow the UI language.
 */
export function createI18n(): I18n {
  const initial = readStoredLanguage() ?? DEFAULT_LANGUAGE;
  const instance = createInstance();
  instance.use(initReactI18next);
  void instance.init({
    resources,
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    load: 'currentOnly',
    initAsync: false,
    returnNull: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  document.documentElement.lang = initial;
  instance.on('languageChanged', (language) => {
    if (!isLanguage(language)) return;
    document.documentElement.lang = language;
    storeLanguage(language);
  });
  return instance;
}

/** The UI language as one of ours (i18next may report a fallback chain member). */
export function currentLanguage(i18n: Pick<I18n, 'resolvedLanguage' | 'language'>): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}
