import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n';
import { currentLanguage } from './i18n';

/** The UI language and its setter (persisted; `<html lang>` follows). */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  return [currentLanguage(i18n), (language) => void i18n.changeLanguage(language)];
}
