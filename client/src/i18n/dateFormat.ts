/**
 * Dates and times in the browser's own locale and time zone (an agent in Berlin reading a tweet sent at
 * 09:00 New York time sees 15:00). `undefined` as locale means "the runtime default" for Intl.
 */
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** Time only for today's messages, date and time otherwise. */
export function formatMessageTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return sameLocalDay(date, now) ? timeFormat.format(date) : dateTimeFormat.format(date);
}

/** Unambiguous timestamp for tooltips. */
export function formatFullTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : fullFormat.format(date);
}
