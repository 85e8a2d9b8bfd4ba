import { getDisplayTimeZone } from '../../i18n/dateFormat';
import { instantOfWallTime, wallTimeIn } from '../../i18n/zonedTime';

/**
 * Snooze presets, computed in the user's time zone (their working day, from their profile): "tomorrow
 * 9:00" is 9:00 on the agent's clock, also across a daylight-saving change.
 */
export const SNOOZE_PRESETS = ['1h', '4h', 'tomorrow', 'monday'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

const HOUR_MS = 3_600_000;
const MORNING_HOUR = 9;
const MONDAY = 1;

/** When a conversation snoozed now with this preset comes back. */
export function snoozeUntil(preset: SnoozePreset, now: Date, timeZone: string = getDisplayTimeZone()): Date {
  const today = wallTimeIn(now, timeZone);
  switch (preset) {
    case '1h':
      return new Date(now.getTime() + HOUR_MS);
    case '4h':
      return new Date(now.getTime() + 4 * HOUR_MS);
    case 'tomorrow':
      return instantOfWallTime(today.year, today.month, today.day + 1, MORNING_HOUR, timeZone);
    case 'monday': {
      // Always a coming Monday: on a Monday that is next week's.
      const days = (7 + MONDAY - today.weekday) % 7 || 7;
      return instantOfWallTime(today.year, today.month, today.day + days, MORNING_HOUR, timeZone);
    }
  }
}

/** Whether the conversation is snoozed at `now` (a snooze that ran out no longer counts). */
export function isSnoozed(snoozedUntil: string | null, now: number): boolean {
  if (snoozedUntil === null) return false;
  const until = Date.parse(snoozedUntil);
  return !Number.isNaN(until) && until > now;
}
