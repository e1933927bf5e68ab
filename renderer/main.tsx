import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createI18n } from './lib/i18n';
import { createThemeStore } from './lib/theme';
import { createTransport } from './lib/trpc';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/login.css';
import './styles/queue.css';
import './styles/workspace.css';
import './styles/ticket.css';
import './styles/customers.css';
import './styles/admin.css';

const i18n = createI18n();
const theme = createThemeStore();
const transport = createTransport();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <App transport={transport} i18n={i18n} theme={theme} />
  </StrictMode>,
);
