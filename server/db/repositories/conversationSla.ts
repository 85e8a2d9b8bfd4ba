import type { Knex } from 'knex';
import type { SlaTarget } from '../../../common/sla';
import type { Platform, Priority } from '../../../common/types';

/** What a conversation's due time depends on, and what it is now. */
export interface SlaInputRow {
  id: string;
  status: string;
  priority: Priority;
  team_id: string | null;
  channel_account_id: string;
  platform: Platform;
  waiting_since: Date | null;
  first_response_at: Date | null;
  sla_target: SlaTarget | null;
  sla_started_at: Date | null;
  sla_due_at: Date | null;
  sla_at_risk_at: Date | null;
  sla_policy_id: string | null;
  sla_breached_at: Date | null;
}

export interface SlaFields {
  sla_target: SlaTarget | null;
  sla_started_at: Date | null;
  sla_due_at: Date | null;
  sla_at_risk_at: Date | null;
  sla_policy_id: string | null;
  sla_breached_at: Date | null;
}

export async function getSlaInputs(
  trx: Knex | Knex.Transaction,
  id: string,
): Promise<SlaInputRow | undefined> {
  return trx('conversations as c')
    .join('channel_accounts as a', 'a.id', 'c.channel_account_id')
    .where('c.id', id)
    .first<SlaInputRow | undefined>(
      'c.id',
      'c.status',
      'c.priority',
      'c.team_id',
      'c.channel_account_id',
      'a.platform',
      'c.waiting_since',
      'c.first_response_at',
      'c.sla_target',
      'c.sla_started_at',
      'c.sla_due_at',
      'c.sla_at_risk_at',
      'c.sla_policy_id',
      'c.sla_breached_at',
    );
}

/** Writes the SLA columns; with `bump`, also the version (returned) for callers that announce alone. */
export async function writeSlaFields(
  trx: Knex.Transaction,
  id: string,
  fields: SlaFields,
  bump: boolean,
): Promise<number | null> {
  const [row] = await trx('conversations')
    .where({ id })
    .update({ ...fields, ...(bump ? { version: trx.raw('version + 1'), updated_at: trx.fn.now() } : {}) })
    .returning('version');
  return bump ? (row as { version: number }).version : null;
}

/** Conversations someone waits for (keyset by id), for recomputing after a policy or calendar change. */
export async function listWaitingConversationIds(
  db: Knex,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const q = db('conversations').whereNotNull('waiting_since').orderBy('id').limit(limit);
  if (afterId) q.where('id', '>', afterId);
  return q.pluck('id');
}

export interface ClaimedBreach {
  id: string;
  version: number;
  sla_due_at: Date;
  sla_target: SlaTarget;
  sla_started_at: Date | null;
  sla_policy_id: string | null;
  priority: Priority;
  target_minutes: number | null;
}

/**
 * Marks up to `limit` overdue conversations (customer still waiting, no breach recorded for this due
 * time) as breached and returns them. Rows another process holds are skipped, and a row another process
 * has just marked no longer matches once its lock is released, so each breach is claimed exactly once.
 */
export async function claimSlaBreaches(trx: Knex.Transaction, limit: number): Promise<ClaimedBreach[]> {
  const result = await trx.raw(
    `with due as (
       select id from conversations
       where sla_due_at < now() and sla_breached_at is null
         and waiting_since is not null and status <> 'resolved'
       order by sla_due_at
       limit ?
       for update skip locked
     )
     update conversations c
     set sla_breached_at = now(), version = c.version + 1, updated_at = now()
     from due
     where c.id = due.id and c.sla_breached_at is null and c.sla_due_at < now()
     returning c.id, c.version, c.sla_due_at, c.sla_target, c.sla_started_at, c.sla_policy_id, c.priority,
       (select case when c.sla_target = 'next' then p.next_response_minutes else p.first_response_minutes end
          from sla_policies p where p.id = c.sla_policy_id) as target_minutes`,
    [limit],
  );
  return result.rows as ClaimedBreach[];
}
