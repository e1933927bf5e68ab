import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorMessageKey } from '../../../shared/i18n';
import { BrandMark } from '../../components/BrandMark';
import { CheckIcon, AlertIcon, EyeIcon, EyeOffIcon } from '../../components/icons/UiIcons';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Spinner } from '../../components/Spinner';
import { ThemeToggle } from '../../components/ThemeToggle';
import { useLanguage } from '../../lib/useLanguage';
import { useTheme } from '../../lib/useTheme';
import { errorMessageKey, invalidFields } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

export type LoginResult = RouterOutputs['auth']['login'];

type FormError = ErrorMessageKey | 'login.required' | 'login.sessionExpired';

export function LoginScreen({ notice, onSignedIn }: { notice: 'login.sessionExpired' | null; onSignedIn: (result: LoginResult) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [language, setLanguage] = useLanguage();
  const [theme, setTheme] = useTheme();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<FormError | null>(notice);
  const [badFields, setBadFields] = useState<string[]>([]);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const ids = { username: useId(), password: useId(), error: useId(), title: useId() };

  const login = useMutation({
    ...trpc.auth.login.mutationOptions(),
    onSuccess: (result) => onSignedIn(result),
    onError: (err) => {
      const key = errorMessageKey(err);
      setError(key);
      const fields = invalidFields(err);
      setBadFields(key === 'errors.invalid_credentials' ? ['password'] : fields);
      setPassword('');
      (fields.includes('username') ? usernameRef : passwordRef).current?.focus();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (login.isPending) return;
    const missing = [...(username.trim() ? [] : ['username']), ...(password ? [] : ['password'])];
    if (missing.length > 0) {
      setError('login.required');
      setBadFields(missing);
      (missing[0] === 'username' ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setError(null);
    setBadFields([]);
    login.mutate({ username: username.trim(), password });
  }

  const invalid = (field: string) => badFields.includes(field);

  return (
    <div className="login">
      <aside className="login__hero" aria-hidden="true">
        <BrandMark name={t('app.name')} tagline={t('app.tagline')} size="lg" />
        <div className="login__hero-copy">
          <p className="login__hero-title">{t('login.heroTitle')}</p>
          <p className="login__hero-body">{t('login.heroBody')}</p>
          <ul className="login__hero-points">
            {(['login.heroPoint1', 'login.heroPoint2', 'login.heroPoint3'] as const).map((key) => (
              <li key={key}>
                <CheckIcon size={18} />
                {t(key)}
              </li>
            ))}
          </ul>
        </div>
      </aside>

      <main className="login__panel">
        <div className="login__toolbar">
          <LanguageSwitch value={language} onChange={setLanguage} />
          <ThemeToggle theme={theme} onChange={setTheme} />
        </div>

        <form className="login__form" onSubmit={submit} noValidate aria-labelledby={ids.title}>
          <div className="login__brand-compact">
            <BrandMark name={t('app.name')} />
          </div>
          <h1 id={ids.title} className="login__title">
            {t('login.title')}
          </h1>
          <p className="login__subtitle">{t('login.subtitle')}</p>

          <div className="login__error-slot">
            {error ? (
              <div id={ids.error} className="alert alert--error" role="alert">
                <AlertIcon size={18} />
                <span>{t(error)}</span>
              </div>
            ) : null}
          </div>

          <div className="field">
            <label className="field__label" htmlFor={ids.username}>
              {t('login.username')}
            </label>
            <input
              ref={usernameRef}
              id={ids.username}
              className="input"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              // The first thing a person does here is type their username.
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={invalid('username') || undefined}
              aria-describedby={invalid('username') ? ids.error : undefined}
            />
          </div>

          <div className="field">
            <label className="field__label" htmlFor={ids.password}>
              {t('login.password')}
            </label>
            <div className="input-group">
              <input
                ref={passwordRef}
                id={ids.password}
                className="input"
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={invalid('password') || undefined}
                aria-describedby={invalid('password') ? ids.error : undefined}
              />
              <button
                type="button"
                className="input-group__button"
                aria-label={showPassword ? t('login.hidePassword') : t('login.showPassword')}
                title={showPassword ? t('login.hidePassword') : t('login.showPassword')}
                onClick={() => setShowPassword((v) => !v)}
              >
                {showPassword ? <EyeOffIcon size={18} /> : <EyeIcon size={18} />}
              </button>
            </div>
          </div>

          <button type="submit" className="button button--primary button--block" disabled={login.isPending} aria-busy={login.isPending || undefined}>
            {login.isPending ? <Spinner size={16} /> : null}
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
