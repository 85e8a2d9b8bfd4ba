import type { NotificationChangedEvent, RealtimeEvent, RealtimeEventType } from '../../../common/types';
import { queryKeys } from '../api/queryKeys';

const CONVERSATION_EVENT_TYPES: readonly RealtimeEventType[] = [
  'conversation.created',
  'conversation.updated',
  'message.created',
  'message.updated',
  'sla.breached',
];

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isPresence(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    nonEmptyString(p.tabId) &&
    nonEmptyString(p.userId) &&
    typeof p.name === 'string' &&
    typeof p.initials === 'string' &&
    (p.conversationId === null || nonEmptyString(p.conversationId)) &&
    typeof p.typing === 'boolean' &&
    typeof p.online === 'boolean'
  );
}

/**
 * Checks an incoming socket payload. Unknown shapes are dropped rather than trusted: the next event
 * or reconnect refetch heals whatever they would have announced.
 */
export function parseRealtimeEvent(payload: unknown): RealtimeEvent | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { type, conversationId, channelAccountId } = payload as {
    type?: unknown;
    conversationId?: unknown;
    channelAccountId?: unknown;
  };
  if (type === 'account.updated') return nonEmptyString(channelAccountId) ? (payload as RealtimeEvent) : null;
  if (type === 'presence.changed')
    return isPresence((payload as { presence?: unknown }).presence) ? (payload as RealtimeEvent) : null;
  if (type === 'notification.created' || type === 'notification.read') {
    const { userId, notificationIds } = payload as { userId?: unknown; notificationIds?: unknown };
    return nonEmptyString(userId) && Array.isArray(notificationIds) ? (payload as RealtimeEvent) : null;
  }
  if (!nonEmptyString(conversationId)) return null;
  if (!CONVERSATION_EVENT_TYPES.includes(type as RealtimeEventType)) return null;
  return payload as RealtimeEvent;
}

function isNotificationEvent(event: RealtimeEvent): event is NotificationChangedEvent {
  return event.type === 'notification.created' || event.type === 'notification.read';
}

/**
 * Which cached queries an event makes stale. Every list is affected, not just one tab: a status change
 * moves a conversation from one tab to another, and a new message changes snippet and waiting time.
 * An account event refreshes the account list, which feeds both the health view and the header banners;
 * a notification event (only ever sent to its addressee) refreshes the bell.
 */
export function queryKeysForEvent(event: RealtimeEvent): ReadonlyArray<readonly string[]> {
  if (event.type === 'account.updated') return [queryKeys.channelAccounts()];
  if (event.type === 'presence.changed') return [];
  if (isNotificationEvent(event)) return [queryKeys.notifications()];
  // A customer's profile lists their conversations (status, counts), so it follows every change.
  return [queryKeys.conversationLists(), queryKeys.conversation(event.conversationId), queryKeys.contacts()];
}

/**
 * Whether an event can change how many conversations a view holds (new conversation, status, assignee,
 * snooze). Message events count too: a customer writing again reopens a resolved conversation.
 */
export function affectsViewCounts(event: RealtimeEvent): boolean {
  return event.type !== 'account.updated' && event.type !== 'presence.changed' && !isNotificationEvent(event);
}
