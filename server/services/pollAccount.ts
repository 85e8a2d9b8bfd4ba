import type { Knex } from 'knex';
import type { AdapterProvider } from '../channels/adapterProvider';
import { ChannelAuthError, ChannelRateLimitError } from '../channels/errors';
import {
  getChannelAccount,
  storeFetchedItems,
  updateAccountHealth,
} from '../db/repositories/channelAccounts';
import { inTransaction } from '../db/transaction';
import type { Logger } from '../logger';
import type { OutboundEnqueuer } from '../queues/producers';
import { enqueueIngest } from '../queues/producers';

export type PollOutcome =
  | { kind: 'polled'; fetched: number; stored: number }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; message: string };

/**
 * One poll of one account: fetch what is new, store items and the new cursor in one transaction,
 * then enqueue ingest jobs. A crash between the two leaves stored items for the sweeper; it can
 * never move the cursor past items that were not stored.
 */
export async function pollAccount(
  deps: { db: Knex; adapters: AdapterProvider; queues: OutboundEnqueuer; logger: Logger; now?: () => number },
  channelAccountId: string,
): Promise<PollOutcome> {
  const now = deps.now ?? Date.now;
  const account = await getChannelAccount(deps.db, channelAccountId);
  if (!account) return { kind: 'skipped', reason: 'account not found' };
  if (account.status !== 'active') return { kind: 'skipped', reason: `account is ${account.status}` };
  if (account.health.pausedUntil && account.health.pausedUntil > now()) {
    return { kind: 'skipped', reason: 'rate limited' };
  }
  const log = deps.logger.child({ channelAccountId });
  const startedAt = new Date(now()).toISOString();

  let result: Awaited<ReturnType<ReturnType<AdapterProvider>['fetchNew']>>;
  try {
    result = await deps.adapters(account).fetchNew(account.poll_cursor);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const health = { lastPollAt: startedAt, lastError: message, lastErrorAt: startedAt };
    if (error instanceof ChannelAuthError) {
      log.warn({ err: error }, 'token rejected; polling paused until re-authorised');
      await updateAccountHealth(deps.db, account.id, health, [], 'needs_reauth');
    } else if (error instanceof ChannelRateLimitError) {
      log.warn({ retryAfterMs: error.retryAfterMs }, 'rate limited; pausing polls');
      await updateAccountHealth(deps.db, account.id, { ...health, pausedUntil: now() + error.retryAfterMs });
    } else {
      log.warn({ err: error }, 'poll failed');
      await updateAccountHealth(deps.db, account.id, health);
    }
    return { kind: 'error', message };
  }

  const tx = await inTransaction(deps.db, async (trx, afterCommit) => {
    const ids = await storeFetchedItems(trx, account.id, result.items, result.cursor);
    afterCommit(() => enqueueIngest(deps.queues, ids));
    return ids;
  });
  await tx.runAfterCommit((error) =>
    log.warn({ err: error }, 'could not enqueue ingest jobs; the sweeper will'),
  );
  await updateAccountHealth(
    deps.db,
    account.id,
    { lastPollAt: startedAt, lastSuccessAt: startedAt, lastError: null },
    result.rateLimits,
  );
  if (tx.value.length > 0)
    log.info({ fetched: result.items.length, stored: tx.value.length }, 'poll stored new items');
  return { kind: 'polled', fetched: result.items.length, stored: tx.value.length };
}
