import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { de } from '../i18n/de';
import { en } from '../i18n/en';

/**
 * Renders a component to HTML under jest's node environment, with the real translations and an idle
 * query client: enough to assert what an agent would see, without a DOM. (The app's own i18n module
 * reads navigator and document, so tests build their own instance.)
 */
export function renderStatic(node: ReactNode, language: 'en' | 'de' = 'en'): string {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, de: { translation: de } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>{node}</QueryClientProvider>
    </I18nextProvider>,
  );
}
