import type { Knex } from 'knex';

export const name = '20261121000016_create_agent_presence';

/**
 * Who is looking at (and typing in) which conversation, one row per open browser tab. UNLOGGED: it is
 * rewritten every few seconds and worthless after a crash, so it skips the WAL; rows whose heartbeat
 * stopped are ignored by readers and deleted by the sweeper.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create unlogged table agent_presence (
      socket_id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      conversation_id uuid references conversations(id) on delete cascade,
      typing boolean not null default false,
      updated_at timestamptz not null default now()
    )`);
  await knex.raw('create index agent_presence_conversation_idx on agent_presence (conversation_id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('agent_presence');
}
