/**
 * Dates and times in the interface language (a German UI shows 15:00, an English one 3:00 PM) and
 * the user's time zone from their profile (an agent in Berlin reading a post sent at 09:00 New York
 * time sees 15:00), or the browser's until the profile is known.
 */
let displayTimeZone: string | undefined;

/** Sets the zone every formatter uses (undefined: the browser's); an unknown zone falls back too. */
export function setDisplayTimeZone(timeZone: string | undefined): void {
  try {
    if (timeZone !== undefined) new Intl.DateTimeFormat('en', { timeZone });
    displayTimeZone = timeZone;
  } catch {
    displayTimeZone = undefined;
  }
}

export function getDisplayTimeZone(): string {
  return displayTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const cache = new Map<
  string,
  {
    time: Intl.DateTimeFormat;
    dateTime: Intl.DateTimeFormat;
    deadline: Intl.DateTimeFormat;
    full: Intl.DateTimeFormat;
    day: Intl.DateTimeFormat;
  }
>();

function formats(locale: string) {
  const timeZone = displayTimeZone;
  const key = `${locale}|${timeZone ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = {
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
      deadline: new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long', timeZone }),
      // Calendar day in the display zone, for "is it today?".
      day: new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }),
    };
    cache.set(key, f);
  }
  return f;
}

function sameLocalDay(a: Date, b: Date, f: ReturnType<typeof formats>): boolean {
  return f.day.format(a) === f.day.format(b);
}

/** Time only for today's messages, date and time otherwise. */
export function formatMessageTime(iso: string, locale: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const f = formats(locale);
  return sameLocalDay(date, now, f) ? f.time.format(date) : f.dateTime.format(date);
}

/** Unambiguous timestamp for tooltips. */
export function formatFullTimestamp(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formats(locale).full.format(date);
}

/**
 * A deadline within the next days, e.g. "Fri, Nov 27, 02:05 PM" or "Fr., 27. Nov., 14:05": the weekday
 * answers "how soon", the date keeps a week-away deadline unambiguous.
 */
export function formatDeadline(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formats(locale).deadline.format(date);
}

// ISO 8601 date-times with a zone, as servers write them into messages ("closed at 2026-01-02T14:05:00.000Z").
const ISO_TIMESTAMP = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * Rewrites the timestamps inside a server-written sentence (e.g. a reply option's reason) as deadlines
 * in the interface language and the browser's time zone; anything that does not parse stays as it was.
 */
export function localizeTimestamps(text: string, locale: string): string {
  return text.replace(ISO_TIMESTAMP, (iso) => formatDeadline(iso, locale) || iso);
}
