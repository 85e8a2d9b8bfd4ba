import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createTestI18n } from './testI18n';

/**
 * Renders into jsdom with testing-library, the real translations and a fresh query client, for tests
 * that click and type (files using it start with the `@jest-environment jsdom` docblock).
 */
export function renderDom(
  node: ReactNode,
  language: 'en' | 'de' = 'en',
): RenderResult & { queryClient: QueryClient } {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const result = render(
    <I18nextProvider i18n={createTestI18n(language)}>
      <QueryClientProvider client={queryClient}>{node}</QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...result, queryClient };
}
