import { randomBytes } from 'node:crypto';

/** Graph's time format: ISO 8601 to the second with a `+0000` offset, e.g. `2026-01-15T10:00:00+0000`. */
export function graphTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+0000`;
}

/** Unix seconds, as webhooks carry `created_time` and feed entries carry `time`. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * `since`/`until` as Graph takes them: unix seconds or a date string (Graph also takes strtotime phrases
 * like "yesterday"; the simulator only takes what Date.parse reads). Null when unreadable.
 */
export function parseTimeParam(value: string): number | null {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Graph writes +0000 offsets, which Date.parse reads only as +00:00.
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : ms;
}

export function fbtraceId(): string {
  return randomBytes(8).toString('base64').replace(/[+/=]/g, '').slice(0, 11).padEnd(11, 'A');
}

/** Messenger message ids: `m_` and a long opaque string. */
export function messengerMessageId(): string {
  return `m_${randomBytes(48).toString('base64url')}`;
}
