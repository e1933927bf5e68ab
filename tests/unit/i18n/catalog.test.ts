import { describe, expect, it } from 'vitest';
import { en, isErrorMessageKey, ptBR, resources, SUPPORTED_LANGUAGES } from '../../../shared/i18n';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as `a.b.c` → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', () => {
  const pt = flatten(ptBR);
  const english = flatten(en);

  it('have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...pt.keys()].sort());
  });

  it('have no empty or whitespace-only texts', () => {
    for (const [language, catalog] of [['pt-BR', pt], ['en', english]] as const) {
      for (const [key, text] of catalog) expect(text.trim(), `${language}: ${key}`).not.toBe('');
    }
  });

  it('use the same interpolation variables in both languages', () => {
    for (const [key, text] of pt) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('are the resources of every supported language, pt-BR first', () => {
    expect(SUPPORTED_LANGUAGES[0]).toBe('pt-BR');
    expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it('translate every message key the server sends (errors.<reason>)', () => {
    for (const reason of ['unauthorized', 'forbidden', 'not_found', 'invalid_credentials', 'inactive', 'too_many_attempts', 'version_conflict']) {
      expect(isErrorMessageKey(`errors.${reason}`), reason).toBe(true);
    }
    expect(isErrorMessageKey('errors.toString')).toBe(false);
    expect(isErrorMessageKey('Something English')).toBe(false);
  });
});
