export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'atende.theme';

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The theme lives on `<html data-theme>` (the CSS variables switch on it). First run follows the
 * system; after the user toggles, their choice is kept on this machine.
 */
export interface ThemeStore {
  get(): Theme;
  set(theme: Theme): void;
  subscribe(listener: () => void): () => void;
}

export function createThemeStore(): ThemeStore {
  let current: Theme = storedTheme() ?? systemTheme();
  const listeners = new Set<() => void>();
  const apply = () => {
    document.documentElement.dataset.theme = current;
    document.documentElement.style.colorScheme = current;
  };
  apply();
  return {
    get: () => current,
    set(theme) {
      current = theme;
      try {
        localStorage.setItem(STORAGE_KEY, theme);
      } catch {
        // Storage disabled: the choice lasts for this page only.
      }
      apply();
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
