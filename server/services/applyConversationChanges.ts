import type { Knex } from 'knex';
import type { BulkChanges, BulkResult, ConversationState } from '../../common/types';
import { AppError, NotFoundError } from '../errors';
import { assignConversation } from './assignConversation';
import { changeConversationStatus } from './changeConversationStatus';
import { updateConversationFields } from './updateConversationFields';

export interface ConversationOperation {
  id: string;
  /** Apply only if the conversation is still at this version (undo must not undo a colleague's work). */
  expectVersion?: number | undefined;
  changes: BulkChanges;
}

interface StateRow {
  version: number;
  assignee_id: string | null;
  team_id: string | null;
  status: ConversationState['status'];
  priority: ConversationState['priority'];
  tags: string[] | null;
  snoozed_until: Date | null;
}

const toState = (row: StateRow): ConversationState => ({
  assigneeId: row.assignee_id,
  teamId: row.team_id,
  status: row.status,
  priority: row.priority,
  tags: row.tags ?? [],
  snoozedUntil: row.snoozed_until ? row.snoozed_until.toISOString() : null,
});

/**
 * Applies one operation in one transaction through the same services as the single actions (so each
 * change is validated, audited and announced the same way) and returns the state before, which is
 * what undo sends back.
 */
async function applyOne(db: Knex, op: ConversationOperation, userId: string): Promise<BulkResult> {
  return db.transaction(async (trx) => {
    const row = await trx('conversations').where({ id: op.id }).forUpdate().first<StateRow | undefined>();
    if (!row) throw new NotFoundError('Conversation');
    if (op.expectVersion !== undefined && row.version !== op.expectVersion) {
      throw new AppError('changed_since', 'Someone changed this conversation in the meantime', 409);
    }
    const before = toState(row);
    const c = op.changes;
    const db2 = trx as unknown as Knex;
    if (c.assigneeId !== undefined || c.teamId !== undefined) {
      await assignConversation(db2, {
        conversationId: op.id,
        actorUserId: userId,
        ...(c.teamId !== undefined ? { teamId: c.teamId } : {}),
        ...(c.assigneeId !== undefined ? { assigneeId: c.assigneeId } : {}),
      });
    }
    if (c.status !== undefined) {
      await changeConversationStatus(db2, { conversationId: op.id, status: c.status, userId });
    }
    const tags =
      c.tags !== undefined ? c.tags : c.addTags !== undefined ? [...before.tags, ...c.addTags] : undefined;
    if (c.priority !== undefined || tags !== undefined || c.snoozedUntil !== undefined) {
      await updateConversationFields(db2, {
        conversationId: op.id,
        userId,
        changes: { priority: c.priority, tags, snoozedUntil: c.snoozedUntil },
      });
    }
    const after = await trx('conversations').where({ id: op.id }).first<{ version: number }>('version');
    return { id: op.id, ok: true as const, before, version: after.version };
  });
}

/**
 * Applies operations one by one, each in its own transaction: one refused conversation (gone, changed
 * since, invalid) does not hold back the others, and the result says which and why.
 */
export async function applyConversationChanges(
  db: Knex,
  operations: ConversationOperation[],
  userId: string,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const op of operations) {
    try {
      results.push(await applyOne(db, op, userId));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id: op.id, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return results;
}
