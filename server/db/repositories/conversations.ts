import type { Knex } from 'knex';
import type { ConversationStatus, InboxView } from '../../../common/types';

export type ConversationView = InboxView;

export interface ConversationRow {
  id: string;
  channel_account_id: string;
  contact_id: string;
  thread_key: string;
  status: ConversationStatus;
  assignee_id: string | null;
  team_id: string | null;
  first_inbound_at: Date | null;
  first_response_at: Date | null;
  waiting_since: Date | null;
  version: number;
}

export async function lockConversation(
  trx: Knex.Transaction,
  id: string,
): Promise<ConversationRow | undefined> {
  return trx('conversations').where({ id }).forUpdate().first();
}

/**
 * The customer's current conversation on this account (not resolved), locked: a DM from a customer
 * who is already talking to us in public continues that conversation.
 */
export async function findActiveConversationForContact(
  trx: Knex.Transaction,
  channelAccountId: string,
  contactId: string,
): Promise<ConversationRow | undefined> {
  return trx('conversations')
    .where({ channel_account_id: channelAccountId, contact_id: contactId })
    .whereNot({ status: 'resolved' })
    .orderBy('updated_at', 'desc')
    .forNoKeyUpdate()
    .first();
}

/** Finds or creates the conversation for a thread; returns it locked for this transaction. */
export async function upsertConversationForThread(
  trx: Knex.Transaction,
  input: { channelAccountId: string; contactId: string; threadKey: string },
): Promise<{ row: ConversationRow; created: boolean }> {
  const inserted = await trx('conversations')
    .insert({
      channel_account_id: input.channelAccountId,
      contact_id: input.contactId,
      thread_key: input.threadKey,
      status: 'new',
    })
    .onConflict(['channel_account_id', 'thread_key'])
    .ignore()
    .returning('*');
  if (inserted[0]) return { row: inserted[0] as ConversationRow, created: true };
  const row = await trx('conversations')
    .where({ channel_account_id: input.channelAccountId, thread_key: input.threadKey })
    .forNoKeyUpdate()
    .first();
  return { row: row as ConversationRow, created: false };
}

/** Applies a change and bumps the version; returns the new version. */
export async function updateConversation(
  trx: Knex.Transaction,
  id: string,
  changes: Record<string, unknown>,
): Promise<number> {
  const [row] = await trx('conversations')
    .where({ id })
    .update({ ...changes, version: trx.raw('version + 1'), updated_at: trx.fn.now() })
    .returning('version');
  return (row as { version: number }).version;
}
