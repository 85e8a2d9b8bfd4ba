import type { Knex } from 'knex';

/** The longest remaining lock among these keys, in ms; 0 when none is locked. */
export async function lockRemainingMs(db: Knex, keys: string[]): Promise<Record<string, number>> {
  const rows: { key: string; ms: string | number }[] = await db('login_throttle')
    .whereIn('key', keys)
    .andWhere('locked_until', '>', db.fn.now())
    .select('key', db.raw('ceil(extract(epoch from locked_until - now()) * 1000) as ms'));
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.ms)]));
}

/**
 * Counts one failure for `key` within a sliding window that restarts once it is older than
 * `windowMs`; on reaching `maxFailures` the key is locked for `lockMs` and the count restarts.
 * One statement, so concurrent failures on several web servers are all counted.
 */
export async function recordFailure(
  db: Knex,
  key: string,
  opts: { windowMs: number; maxFailures: number; lockMs: number },
): Promise<void> {
  await db.raw(
    `insert into login_throttle as t (key, failures, window_started_at)
       values (?, 1, now())
     on conflict (key) do update set
       failures = case when t.window_started_at < now() - (? * interval '1 millisecond')
                       then 1 else t.failures + 1 end,
       window_started_at = case when t.window_started_at < now() - (? * interval '1 millisecond')
                                then now() else t.window_started_at end`,
    [key, opts.windowMs, opts.windowMs],
  );
  await db('login_throttle')
    .where({ key })
    .andWhere('failures', '>=', opts.maxFailures)
    .update({
      failures: 0,
      window_started_at: db.fn.now(),
      locked_until: db.raw("now() + (? * interval '1 millisecond')", [opts.lockMs]),
    });
}

export async function clearThrottle(db: Knex, key: string): Promise<void> {
  await db('login_throttle').where({ key }).delete();
}
