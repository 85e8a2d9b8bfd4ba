import type { RealtimeEvent, RealtimeEventType } from '../../../common/types';
import { queryKeys } from '../api/queryKeys';

const EVENT_TYPES: readonly RealtimeEventType[] = [
  'conversation.created',
  'conversation.updated',
  'message.created',
  'message.updated',
];

/**
 * Checks an incoming socket payload. Unknown shapes are dropped rather than trusted: the next event
 * or reconnect refetch heals whatever they would have announced.
 */
export function parseRealtimeEvent(payload: unknown): RealtimeEvent | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { type, conversationId } = payload as { type?: unknown; conversationId?: unknown };
  if (typeof conversationId !== 'string' || conversationId === '') return null;
  if (!EVENT_TYPES.includes(type as RealtimeEventType)) return null;
  return payload as RealtimeEvent;
}

/**
 * Which cached queries an event makes stale. Every list is affected, not just one tab: a status change
 * moves a conversation from one tab to another, and a new message changes snippet and waiting time.
 */
export function queryKeysForEvent(event: RealtimeEvent): ReadonlyArray<readonly string[]> {
  return [queryKeys.conversationLists(), queryKeys.conversation(event.conversationId)];
}
