import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createTestI18n } from './testI18n';

/**
 * Renders a component to HTML under jest's node environment, with the real translations and an idle
 * query client: enough to assert what an agent would see, without a DOM. `seed` puts answers into the
 * query cache first (e.g. the users list), since nothing is fetched.
 */
export function renderStatic(
  node: ReactNode,
  language: 'en' | 'de' = 'en',
  seed?: (client: QueryClient) => void,
): string {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  seed?.(queryClient);
  return renderToStaticMarkup(
    <I18nextProvider i18n={createTestI18n(language)}>
      <QueryClientProvider client={queryClient}>{node}</QueryClientProvider>
    </I18nextProvider>,
  );
}
