import { en } from './en';
import { ptBR } from './pt-BR';

export type { Catalog, CatalogShape } from './pt-BR';
export { en, ptBR };

/** UI languages, in the order the language switch shows them. */
export const SUPPORTED_LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'pt-BR';

/** One namespace (`translation`) per language. */
export const resources = {
  'pt-BR': { translation: ptBR },
  en: { translation: en },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The key of an error message the server may send (`errors.<reason>`). */
export type ErrorMessageKey = `errors.${keyof typeof ptBR.errors}`;

export function isErrorMessageKey(value: unknown): value is ErrorMessageKey {
  return typeof value === 'string' && value.startsWith('errors.') && Object.hasOwn(ptBR.errors, value.slice('errors.'.length));
}
