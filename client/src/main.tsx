import './i18n/i18n';
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createQueryClient } from './api/queryClient';
import { i18n } from './i18n/i18n';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html is missing the #root element');

const queryClient = createQueryClient();

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
