// Must stay the first import: configures zod before any schema is built.
import './strict-csp';
// Before the translator: the first screen's reads are on their way while the words load.
import { queryClient } from './app/first-reads';
// Before any component: the first render already speaks the person's language.
import { i18next } from './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { NoticesProvider } from './ui/notices';
import 'virtual:window-background.css';
import './styles/fonts.css';
import './styles/base.css';
import './styles/app.css';
import './styles/shortcuts.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary area={i18next.t('common:appName')}>
      <NoticesProvider>
        <App queryClient={queryClient} />
      </NoticesProvider>
    </ErrorBoundary>
  </StrictMode>,
);
