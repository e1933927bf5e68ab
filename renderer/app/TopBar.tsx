import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionIndicator } from '../components/ConnectionIndicator';
import { HeadsetIcon, KeyboardIcon, LogoutIcon } from '../components/icons/UiIcons';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Spinner } from '../components/Spinner';
import { ThemeToggle } from '../components/ThemeToggle';
import type { Session } from '../features/auth/useSession';
import { useConnectionState } from '../lib/trpc';
import { useLanguage } from '../lib/useLanguage';
import { useTheme } from '../lib/useTheme';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** Who is signed in, their state, the call (`children`), the connection, language, theme, and the way out. */
export function TopBar({ session, onShowShortcuts, children }: { session: Session; onShowShortcuts: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const [theme, setTheme] = useTheme();
  const connection = useConnectionState();
  const { user } = session;

  return (
    <header className="topbar">
      <div className="topbar__left">
        {/* Placeholder: changing state (available, pause, …) comes with the telephony work. */}
        <span className={`agent-state agent-state--${user.state}`} title={t('topbar.agentStateSoon')}>
          <HeadsetIcon size={16} />
          <span className="agent-state__label">{t('topbar.agentState')}</span>
          <span className="agent-state__dot" aria-hidden="true" />
          {t(`agentState.${user.state}`)}
        </span>
        {children}
      </div>
      <div className="topbar__right">
        <ConnectionIndicator status={connection} />
        <div className="topbar__divider" aria-hidden="true" />
        <LanguageSwitch value={language} onChange={setLanguage} />
        <ThemeToggle theme={theme} onChange={setTheme} />
        <button
          type="button"
          className="icon-button"
          aria-label={t('workspace.shortcuts.open')}
          title={t('workspace.shortcuts.openTitle')}
          aria-keyshortcuts="?"
          onClick={onShowShortcuts}
        >
          <KeyboardIcon />
        </button>
        <div className="topbar__divider" aria-hidden="true" />
        <div className="user-chip" aria-label={t('topbar.account')} role="group">
          <span className="user-chip__avatar" aria-hidden="true">
            {initials(user.displayName)}
          </span>
          <span className="user-chip__text">
            <span className="user-chip__name">{user.displayName}</span>
            <span className="user-chip__meta">
              {t(`role.${user.role}`)}
              {user.extension ? ` · ${t('topbar.extension', { extension: user.extension })}` : ''}
            </span>
          </span>
        </div>
        <button type="button" className="button button--ghost" onClick={session.logout} disabled={session.loggingOut}>
          {session.loggingOut ? <Spinner size={16} /> : <LogoutIcon size={18} />}
          {session.loggingOut ? t('topbar.loggingOut') : t('topbar.logout')}
        </button>
      </div>
    </header>
  );
}
