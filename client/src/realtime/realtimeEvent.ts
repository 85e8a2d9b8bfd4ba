import type { RealtimeEvent, RealtimeEventType } from '../../../common/types';
import { queryKeys } from '../api/queryKeys';

const CONVERSATION_EVENT_TYPES: readonly RealtimeEventType[] = [
  'conversation.created',
  'conversation.updated',
  'message.created',
  'message.updated',
];

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
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
  if (!nonEmptyString(conversationId)) return null;
  if (!CONVERSATION_EVENT_TYPES.includes(type as RealtimeEventType)) return null;
  return payload as RealtimeEvent;
}

/**
 * Which cached queries an event makes stale. Every list is affected, not just one tab: a status change
 * moves a conversation from one tab to another, and a new message changes snippet and waiting time.
 * An account event refreshes the account list, which feeds both the health view and the header banners.
 */
export function queryKeysForEvent(event: RealtimeEvent): ReadonlyArray<readonly string[]> {
  if (event.type === 'account.updated') return [queryKeys.channelAccounts()];
  return [queryKeys.conversationLists(), queryKeys.conversation(event.conversationId)];
}

/**
 * Whether an event can change how many conversations a view holds (new conversation, status, assignee,
 * snooze). Message events count too: a customer writing again reopens a resolved conversation.
 */
export function affectsViewCounts(event: RealtimeEvent): boolean {
  return event.type !== 'account.updated';
}
