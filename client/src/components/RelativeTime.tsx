import { useTranslation } from 'react-i18next';
import { formatFullTimestamp } from '../i18n/dateFormat';
import { formatRelativeTime } from '../i18n/relativeTime';

interface RelativeTimeProps {
  iso: string | null;
  now: number;
  /** Shown when there is no time (e.g. "never"). */
  fallback: string;
}

/** "3 minutes ago" with the exact timestamp as tooltip and machine-readable datetime. */
export function RelativeTime({ iso, now, fallback }: RelativeTimeProps) {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const text = iso === null ? '' : formatRelativeTime(iso, now, locale);
  if (iso === null || text === '') return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatFullTimestamp(iso, locale)}>
      {text}
    </time>
  );
}
