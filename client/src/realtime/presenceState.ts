import type { PresenceDto } from '../../../common/types';

/** Others stop showing a tab this long after they last heard of it (its heartbeat is every 20 s). */
export const PRESENCE_TTL_MS = 45_000;
/** "Is typing" lapses this long after the last report of it. */
export const TYPING_TTL_MS = 10_000;

/** A tab as this browser knows it: the server's entry and when it arrived here. */
export interface PresenceEntry extends PresenceDto {
  seenAt: number;
}

/** Applies one announcement: a closed tab leaves, anything else replaces what we had for that tab. */
export function applyPresence(
  entries: readonly PresenceEntry[],
  presence: PresenceDto,
  now: number,
): PresenceEntry[] {
  const others = entries.filter((entry) => entry.tabId !== presence.tabId);
  return presence.online ? [...others, { ...presence, seenAt: now }] : others;
}

export interface Colleague {
  userId: string;
  name: string;
  initials: string;
  typing: boolean;
}

/**
 * The colleagues (not me, in any of my tabs) looking at a conversation right now, one entry per person
 * (typing if any of their tabs types), typists first, then by name.
 */
export function colleaguesIn(
  entries: readonly PresenceEntry[],
  conversationId: string,
  myUserId: string,
  now: number,
): Colleague[] {
  const byUser = new Map<string, Colleague>();
  for (const entry of entries) {
    if (entry.conversationId !== conversationId || entry.userId === myUserId) continue;
    if (now - entry.seenAt > PRESENCE_TTL_MS) continue;
    const typing = entry.typing && now - entry.seenAt <= TYPING_TTL_MS;
    const known = byUser.get(entry.userId);
    byUser.set(entry.userId, {
      userId: entry.userId,
      name: entry.name,
      initials: entry.initials,
      typing: typing || (known?.typing ?? false),
    });
  }
  return [...byUser.values()].sort(
    (a, b) => Number(b.typing) - Number(a.typing) || a.name.localeCompare(b.name),
  );
}
