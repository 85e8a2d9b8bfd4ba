import type { BulkChanges, BulkRequest, BulkResult, ConversationState } from '../../../../../common/types';

type StateLike = Pick<
  ConversationState,
  'status' | 'priority' | 'tags' | 'snoozedUntil' | 'assigneeId' | 'teamId'
>;

/**
 * The changes that put a conversation back as it was `before`, given how it is `after` an action: only the
 * fields that moved. "new" cannot be set again, so it comes back as "open" (the same views).
 */
export function undoChangesFor(before: StateLike, after: StateLike): BulkChanges {
  const changes: BulkChanges = {};
  if (before.assigneeId !== after.assigneeId) changes.assigneeId = before.assigneeId;
  if (before.teamId !== after.teamId) changes.teamId = before.teamId;
  if (before.status !== after.status) changes.status = before.status === 'new' ? 'open' : before.status;
  if (before.priority !== after.priority) changes.priority = before.priority;
  if ([...before.tags].sort().join('\u0000') !== [...after.tags].sort().join('\u0000'))
    changes.tags = before.tags;
  if (before.snoozedUntil !== after.snoozedUntil) changes.snoozedUntil = before.snoozedUntil;
  return changes;
}

/**
 * Undo for a bulk action's results: each changed conversation back to its `before`, only if nobody
 * touched it since (expectVersion). `applied` says what the action set, so only those fields go back.
 */
export function undoRequestFor(results: readonly BulkResult[], applied: BulkChanges): BulkRequest | null {
  const operations: BulkRequest['operations'] = [];
  for (const result of results) {
    if (!result.ok) continue;
    const { before } = result;
    const changes: BulkChanges = {};
    if (applied.assigneeId !== undefined) changes.assigneeId = before.assigneeId;
    if (applied.teamId !== undefined) changes.teamId = before.teamId;
    if (applied.status !== undefined) changes.status = before.status === 'new' ? 'open' : before.status;
    if (applied.priority !== undefined) changes.priority = before.priority;
    if (applied.tags !== undefined || applied.addTags !== undefined) changes.tags = before.tags;
    if (applied.snoozedUntil !== undefined) changes.snoozedUntil = before.snoozedUntil;
    if (Object.keys(changes).length > 0)
      operations.push({ id: result.id, expectVersion: result.version, changes });
  }
  return operations.length > 0 ? { operations } : null;
}
