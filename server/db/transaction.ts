import type { Knex } from 'knex';

export type AfterCommit = (hook: () => Promise<unknown> | unknown) => void;

export interface TransactionResult<T> {
  value: T;
  /** Runs the hooks registered during the transaction. Errors are reported, never thrown. */
  runAfterCommit(onError: (error: unknown) => void): Promise<void>;
}

/**
 * Runs `work` in a transaction and collects hooks to run once it has committed
 * (enqueueing jobs, announcing events). Nothing is announced that the database has not stored;
 * a hook that fails (e.g. Redis down) leaves the row for the sweeper, so it only delays.
 */
export async function inTransaction<T>(
  db: Knex,
  work: (trx: Knex.Transaction, afterCommit: AfterCommit) => Promise<T>,
): Promise<TransactionResult<T>> {
  const hooks: Array<() => Promise<unknown> | unknown> = [];
  const value = await db.transaction((trx) => work(trx, (hook) => hooks.push(hook)));
  return {
    value,
    async runAfterCommit(onError) {
      for (const hook of hooks) {
        try {
          await hook();
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
