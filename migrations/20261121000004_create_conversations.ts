import type { Knex } from 'knex';

export const name = '20261121000004_create_conversations';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('conversations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('channel_account_id').notNullable().references('channel_accounts.id').onDelete('CASCADE');
    t.uuid('contact_id').notNullable().references('contacts.id');
    // One Caredesk conversation per platform thread and customer (X: conversation_id + author id).
    t.text('thread_key').notNullable();
    t.text('status').notNullable().defaultTo('new');
    t.text('priority').notNullable().defaultTo('normal');
    t.uuid('assignee_id').references('users.id').onDelete('SET NULL');
    t.uuid('team_id').references('teams.id').onDelete('SET NULL');
    t.text('snippet').notNullable().defaultTo('');
    t.timestamp('first_inbound_at', { useTz: true });
    t.timestamp('first_response_at', { useTz: true });
    t.timestamp('last_inbound_at', { useTz: true });
    t.timestamp('last_outbound_at', { useTz: true });
    // Oldest customer message not yet answered; null when the brand spoke last. Sort key of the inbox.
    t.timestamp('waiting_since', { useTz: true });
    t.timestamp('resolved_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.timestamps(true, true);
    t.unique(['channel_account_id', 'thread_key']);
    t.check("status in ('new', 'open', 'pending', 'resolved')", [], 'conversations_status_check');
    t.check("priority in ('low', 'normal', 'high', 'urgent')", [], 'conversations_priority_check');
  });
  // Inbox list: by status, longest waiting first, keyset on (waiting_since, id).
  await knex.raw(
    'create index conversations_inbox_idx on conversations (status, waiting_since nulls last, id)',
  );
  await knex.raw('create index conversations_assignee_idx on conversations (assignee_id, status)');
  await knex.raw('create index conversations_team_idx on conversations (team_id, status)');
  await knex.raw('create index conversations_contact_idx on conversations (contact_id)');
  await knex.raw('create index conversations_updated_idx on conversations (updated_at desc, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('conversations');
}
