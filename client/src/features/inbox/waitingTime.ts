import type { ConversationSummary } from '../../../../common/types';

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day';

export interface DurationPart {
  value: number;
  unit: DurationUnit;
}

/** How urgent a wait looks in the list; thresholds are a first guess at a typical first-response target. */
export type WaitingLevel = 'ok' | 'warn' | 'late';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WARN_AFTER_MS = 15 * MINUTE;
const LATE_AFTER_MS = HOUR;

/** Milliseconds since `fromIso`; never negative, because a browser clock running behind must not show "-3s". */
export function elapsedMs(fromIso: string, nowMs: number): number {
  const from = Date.parse(fromIso);
  if (Number.isNaN(from)) return 0;
  return Math.max(0, nowMs - from);
}

/**
 * Splits a duration into at most two units, coarse enough to scan a list quickly:
 * 45s, 12m, 2h 5m, 3d 4h.
 */
export function durationParts(ms: number): DurationPart[] {
  if (ms < MINUTE) return [{ value: Math.floor(ms / SECOND), unit: 'second' }];
  if (ms < HOUR) return [{ value: Math.floor(ms / MINUTE), unit: 'minute' }];
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes > 0
      ? [
          { value: hours, unit: 'hour' },
          { value: minutes, unit: 'minute' },
        ]
      : [{ value: hours, unit: 'hour' }];
  }
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  return hours > 0
    ? [
        { value: days, unit: 'day' },
        { value: hours, unit: 'hour' },
      ]
    : [{ value: days, unit: 'day' }];
}

const unitFormats = new Map<string, Intl.NumberFormat>();

/** `narrow` ("2h 5m") fits a list column; `short` ("2 hr 5 min") reads better in a sentence. */
export type DurationStyle = 'narrow' | 'short';

function unitFormat(locale: string, unit: DurationUnit, style: DurationStyle): Intl.NumberFormat {
  const cacheKey = `${locale}|${unit}|${style}`;
  let format = unitFormats.get(cacheKey);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: style });
    unitFormats.set(cacheKey, format);
  }
  return format;
}

export function formatDuration(ms: number, locale: string, style: DurationStyle = 'narrow'): string {
  return durationParts(ms)
    .map((part) => unitFormat(locale, part.unit, style).format(part.value))
    .join(' ');
}

/** True while the customer's last message has not been answered and the case is still being worked. */
export function isAwaitingReply(
  conversation: Pick<ConversationSummary, 'status' | 'lastInboundAt' | 'lastOutboundAt'>,
): boolean {
  const { status, lastInboundAt, lastOutboundAt } = conversation;
  if (status === 'resolved' || lastInboundAt === null) return false;
  return lastOutboundAt === null || Date.parse(lastOutboundAt) < Date.parse(lastInboundAt);
}

export function waitingLevel(ms: number): WaitingLevel {
  if (ms >= LATE_AFTER_MS) return 'late';
  if (ms >= WARN_AFTER_MS) return 'warn';
  return 'ok';
}
