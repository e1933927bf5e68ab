import { useTranslation } from 'react-i18next';
import type { Theme } from '../lib/theme';
import { MoonIcon, SunIcon } from './icons/UiIcons';

/** A toggle button: pressed = dark theme. */
export function ThemeToggle({ theme, onChange }: { theme: Theme; onChange: (theme: Theme) => void }) {
  const { t } = useTranslation();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="icon-button"
      aria-pressed={dark}
      aria-label={t('theme.dark')}
      title={dark ? t('theme.darkOn') : t('theme.darkOff')}
      onClick={() => onChange(dark ? 'light' : 'dark')}
    >
      {dark ? <MoonIcon /> : <SunIcon />}
    </button>
  );
}
