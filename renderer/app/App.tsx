import type { i18n as I18n } from 'i18next';
import { AuthGate } from '../features/auth/AuthGate';
import { forgetQueueAddress } from '../features/queue/useQueueFilter';
import type { ThemeStore } from '../lib/theme';
import type { Transport } from '../lib/trpc';
import { AppLayout } from './AppLayout';
import { AppProviders } from './AppProviders';
import { DEFAULT_ROUTE } from './routes';
import { navigate } from './useHashRoute';

/** The next person to sign in starts at the queue, not on the last user's screen. */
const resetRoute = () => {
  forgetQueueAddress();
  navigate(DEFAULT_ROUTE);
};

export function App({ transport, i18n, theme }: { transport: Transport; i18n: I18n; theme: ThemeStore }) {
  return (
    <AppProviders transport={transport} i18n={i18n} theme={theme}>
      <AuthGate onSignedOut={resetRoute}>
        <AppLayout />
      </AuthGate>
    </AppProviders>
  );
}
