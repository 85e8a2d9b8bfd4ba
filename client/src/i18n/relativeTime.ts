const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formats = new Map<string, Intl.RelativeTimeFormat>();

function format(locale: string): Intl.RelativeTimeFormat {
  let f = formats.get(locale);
  if (f === undefined) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    formats.set(locale, f);
  }
  return f;
}

/**
 * "3 minutes ago", "in 10 seconds", "vor 2 Stunden": the distance from `nowMs` to `iso` in the largest unit
 * that fits, in the interface language. Empty for a bad date, so a broken value shows nothing rather than
 * "NaN days ago".
 */
export function formatRelativeTime(iso: string, nowMs: number, locale: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const diff = at - nowMs;
  const size = Math.abs(diff);
  const f = format(locale);
  if (size < MINUTE) return f.format(Math.round(diff / SECOND), 'second');
  if (size < HOUR) return f.format(Math.round(diff / MINUTE), 'minute');
  if (size < DAY) return f.format(Math.round(diff / HOUR), 'hour');
  return f.format(Math.round(diff / DAY), 'day');
}
