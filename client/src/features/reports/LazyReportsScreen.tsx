import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// chart.js is large: it loads with the reports screen, never with the inbox.
const ReportsScreen = lazy(() => import('./ReportsScreen').then((m) => ({ default: m.ReportsScreen })));

export function LazyReportsScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="placeholder">{t('reports.loading')}</p>}>
      <ReportsScreen onClose={onClose} />
    </Suspense>
  );
}
