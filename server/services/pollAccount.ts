import type { Knex } from 'knex';
import { parseAccountSettings, parseAccountUsage } from '../channels/accountSettings';
import type { RateLimitSnapshot, StreamSpec } from '../channels/adapter';
import type { AdapterProvider } from '../channels/adapterProvider';
import { ChannelAuthError, ChannelError, ChannelRateLimitError } from '../channels/errors';
import {
  acquirePollLease,
  type ChannelAccountRow,
  getChannelAccount,
  recordIngestGap,
  savePollUsage,
  storeFetchedItems,
  updateAccountHealth,
} from '../db/repositories/channelAccounts';
import { inTransaction } from '../db/transaction';
import type { Logger } from '../logger';
import { enqueueIngest, type OutboundEnqueuer } from '../queues/producers';
import { notifyEvent } from '../realtime/bus';
import {
  afterFailure,
  afterSuccess,
  budgetCheck,
  currentUsage,
  initialState,
  nextPollAt,
  rateLimitSpacing,
} from './pollSchedule';

export type PollOutcome =
  | { kind: 'polled'; streams: string[]; stored: number }
  | { kind: 'skipped'; reason: string }
  | { kind: 'needs_reauth'; message: string };

export interface PollDeps {
  db: Knex;
  adapters: AdapterProvider;
  queues: OutboundEnqueuer;
  logger: Logger;
  now?: () => number;
  /** Refreshes expiring OAuth 2.0 credentials before the adapter is built (persisted, race-safe). */
  refreshCredentials?: ((account: ChannelAccountRow) => Promise<ChannelAccountRow>) | undefined;
}

const LEASE_MS = 5 * 60_000;

/**
 * A stream due this close to now is read now: the repeating poll job ticks at the account's interval,
 * and a due time a few milliseconds after a tick would otherwise wait a whole extra tick (a 1 s
 * interval became 2 s in the freshness benchmark).
 */
const dueSlackMs = (spec: StreamSpec) => Math.min(250, spec.minIntervalMs / 4);

/**
 * One poll of one account: every stream that is due (mentions, own posts, DMs, searches) is read,
 * its items and new cursor stored in one transaction, then ingest jobs enqueued. Each stream keeps
 * its own adaptive interval, backoff, rate-limit spacing and share of the monthly read budget.
 */
export async function pollAccount(deps: PollDeps, channelAccountId: string): Promise<PollOutcome> {
  const now = deps.now ?? Date.now;
  const account = await getChannelAccount(deps.db, channelAccountId);
  if (!account) return { kind: 'skipped', reason: 'account not found' };
  if (account.status !== 'active') return { kind: 'skipped', reason: `account is ${account.status}` };
  // Marked before the first await: a second poll job of this account in this process must see it.
  if (pollsRunningHere.has(account.id))
    return { kind: 'skipped', reason: 'another poll of this account is running' };
  pollsRunningHere.add(account.id);
  try {
    // No poll of this account runs here, so a lease of this process's is left from a poll that could
    // not release it (PostgreSQL went away before its `finally`): take it over.
    if (!(await acquirePollLease(deps.db, account.id, now(), LEASE_MS, { ownLeaseIsStale: true }))) {
      return { kind: 'skipped', reason: 'another poll of this account is running' };
    }
    return await pollLeased(deps, account, now);
  } finally {
    pollsRunningHere.delete(account.id);
  }
}

/** Accounts this process is polling right now (a lease of ours for any other account is stale). */
const pollsRunningHere = new Set<string>();

async function pollLeased(
  deps: PollDeps,
  account: ChannelAccountRow,
  now: () => number,
): Promise<PollOutcome> {
  const log = deps.logger.child({ channelAccountId: account.id });
  // The lease is held now: nothing before the `finally` below may throw, so bad stored JSON falls
  // back to defaults (and is logged) instead of blocking this account's polling for the lease time.
  const settings = orDefault(
    () => parseAccountSettings(account.settings),
    () => parseAccountSettings({}),
    log,
    'settings',
  );
  const usage = currentUsage(
    orDefault(
      () => parseAccountUsage(account.usage),
      () => parseAccountUsage({}),
      log,
      'usage',
    ),
    now(),
  );
  const rateLimits = new Map(Object.entries(account.rate_limit ?? {}));
  const polled: string[] = [];
  let stored = 0;
  let lastError: string | null = null;
  let anySuccess = false;
  try {
    let current = account;
    try {
      if (deps.refreshCredentials) current = await deps.refreshCredentials(account);
    } catch (error) {
      // A refresh token X no longer accepts: only an admin can re-authorise the account.
      if (!(error instanceof ChannelAuthError)) throw error;
      log.warn({ err: error }, 'token refresh refused; polling paused until the account is re-authorised');
      await markNeedsReauth(deps.db, account.id, error.message, now());
      return { kind: 'needs_reauth', message: error.message };
    }
    const adapter = deps.adapters(current);
    for (const spec of adapter.streams(settings)) {
      const state = usage.streams[spec.key] ?? initialState(spec);
      const t = now();
      if (state.nextPollAt > t + dueSlackMs(spec)) continue;
      const spacing = rateLimitSpacing(rateLimits.get(spec.endpoint), t);
      if (spacing.waitUntil) {
        usage.streams[spec.key] = { ...state, nextPollAt: spacing.waitUntil };
        continue;
      }
      const budget = budgetCheck(spec, settings, usage, t);
      if (!budget.allowed) {
        const message = `Monthly read budget for ${spec.bucket} used up (${budget.used} of ${budget.share})`;
        usage.streams[spec.key] = { ...state, nextPollAt: t + spec.maxIntervalMs, lastError: message };
        continue;
      }
      try {
        const result = await adapter.fetchStream(spec.key, account.poll_cursor?.[spec.key] ?? null);
        for (const rl of result.rateLimits) rateLimits.set(rl.endpoint, rl);
        stored += await storeStream(deps, account, spec, result, log);
        usage.reads[spec.bucket] = (usage.reads[spec.bucket] ?? 0) + result.reads;
        const after = afterSuccess(state, spec, {
          items: result.items.length,
          slow: budget.slow,
          minSpacingMs: rateLimitSpacing(rateLimits.get(spec.endpoint), now()).minSpacingMs,
          // From the start of this read: polls start an interval apart, however long a read takes.
          now: t,
        });
        usage.streams[spec.key] = result.incomplete
          ? { ...after, lastError: result.incomplete.message }
          : after;
        if (result.incomplete)
          log.warn({ err: result.incomplete, stream: spec.key }, 'stream read incomplete; cursor kept');
        anySuccess = true;
        polled.push(spec.key);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        lastError = message;
        if (error instanceof ChannelAuthError) {
          log.warn({ err: error }, 'token rejected; polling paused until the account is re-authorised');
          await markNeedsReauth(deps.db, account.id, message, now());
          return { kind: 'needs_reauth', message };
        }
        if (error instanceof ChannelRateLimitError) {
          log.warn(
            { stream: spec.key, retryAfterMs: error.retryAfterMs },
            'rate limited; waiting for the reset',
          );
          usage.streams[spec.key] = { ...state, nextPollAt: now() + error.retryAfterMs, lastError: message };
          rateLimits.set(spec.endpoint, {
            endpoint: spec.endpoint,
            limit: 0,
            remaining: 0,
            resetAt: now() + error.retryAfterMs,
          });
          continue;
        }
        // Malformed bodies are kept in the log (truncated) so the platform fault can be shown.
        const body = error instanceof ChannelError ? truncate(error.details.body) : undefined;
        log.warn({ err: error, stream: spec.key, body }, 'stream read failed; backing off');
        usage.streams[spec.key] = afterFailure(state, spec, message, now());
      }
    }
  } finally {
    await savePollUsage(deps.db, account.id, usage);
  }
  const at = new Date(now()).toISOString();
  await updateAccountHealth(
    deps.db,
    account.id,
    {
      lastPollAt: at,
      ...(anySuccess ? { lastSuccessAt: at } : {}),
      lastError,
      ...(lastError ? { lastErrorAt: at } : {}),
      nextPollAt: nextPollAt(usage) ?? undefined,
    },
    [...rateLimits.values()] as RateLimitSnapshot[],
  );
  return { kind: 'polled', streams: polled, stored };
}

async function storeStream(
  deps: PollDeps,
  account: ChannelAccountRow,
  spec: StreamSpec,
  result: Awaited<ReturnType<ReturnType<AdapterProvider>['fetchStream']>>,
  log: Logger,
): Promise<number> {
  const tx = await inTransaction(deps.db, async (trx, afterCommit) => {
    const ids = await storeFetchedItems(
      trx,
      account.id,
      spec.key,
      result.items,
      result.incomplete ? null : result.cursor,
    );
    if (result.gap) {
      await recordIngestGap(trx, account.id, spec.key, result.gap);
      await notifyEvent(trx, { type: 'account.updated', channelAccountId: account.id });
      log.warn(
        { stream: spec.key, gap: result.gap },
        'mentions may be missing: recorded a gap for the leads',
      );
    }
    afterCommit(() => enqueueIngest(deps.queues, ids));
    return ids;
  });
  await tx.runAfterCommit((error) =>
    log.warn({ err: error }, 'could not enqueue ingest jobs; the sweeper will'),
  );
  return tx.value.length;
}

async function markNeedsReauth(db: Knex, accountId: string, message: string, now: number) {
  const at = new Date(now).toISOString();
  await updateAccountHealth(
    db,
    accountId,
    { lastPollAt: at, lastError: message, lastErrorAt: at },
    [],
    'needs_reauth',
  );
  await notifyEvent(db, { type: 'account.updated', channelAccountId: accountId });
}

function orDefault<T>(read: () => T, fallback: () => T, log: Logger, what: string): T {
  try {
    return read();
  } catch (error) {
    log.error({ err: error }, `stored account ${what} are invalid; using defaults`);
    return fallback();
  }
}

function truncate(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
