import type { Knex } from 'knex';
import { listConversationIdsAfter, lockConversationForMetrics } from '../../db/repositories/responseMetrics';
import { type RefreshOptions, refreshConversationMetrics } from './refreshConversationMetrics';

/**
 * Recomputes the metrics of every conversation, one short transaction each (conversations that existed
 * before migration 21, or after a change of definitions, calendars or report zone). Safe while Caredesk
 * runs: each conversation is locked like the live paths lock it, and only differences are written.
 */
export async function backfillResponseMetrics(
  db: Knex,
  opts: RefreshOptions & { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const ids = await listConversationIdsAfter(db, after, opts.batchSize ?? 500);
    if (ids.length === 0) return done;
    for (const id of ids) {
      await db.transaction(async (trx) => {
        await lockConversationForMetrics(trx, id);
        await refreshConversationMetrics(trx, id, opts);
      });
    }
    done += ids.length;
    after = ids[ids.length - 1] ?? null;
    opts.onProgress?.(done);
  }
}
