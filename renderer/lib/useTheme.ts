import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Theme, ThemeStore } from './theme';

export const ThemeContext = createContext<ThemeStore | null>(null);

/** The current theme and its setter (persisted on this machine). */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const store = useContext(ThemeContext);
  if (!store) throw new Error('useTheme: no ThemeContext above this component');
  const theme = useSyncExternalStore(store.subscribe, store.get, store.get);
  return [theme, store.set];
}
