import 'i18next';
import type { ptBR } from '../../shared/i18n/pt-BR';

/** Typed keys: `t('queue.title')` compiles, `t('queue.titel')` does not. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ptBR };
    returnNull: false;
  }
}
