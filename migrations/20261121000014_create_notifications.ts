import type { Knex } from 'knex';

export const name = '20261121000014_create_notifications';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notifications', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    // Who is notified; only this user ever sees the row.
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    // Who caused it (the note's author); kept as null when that user is deleted.
    t.uuid('actor_id').references('users.id').onDelete('SET NULL');
    // The note that mentions the user.
    t.uuid('message_id').references('messages.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
    t.check("kind in ('mention')", [], 'notifications_kind_check');
    // One notification per user and note, however often the note names them.
    t.unique(['user_id', 'message_id']);
  });
  // The bell: newest first per user; the partial index answers the unread count.
  await knex.raw('create index notifications_user_idx on notifications (user_id, created_at desc, id desc)');
  await knex.raw(
    'create index notifications_unread_idx on notifications (user_id, created_at desc) where read_at is null',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notifications');
}
