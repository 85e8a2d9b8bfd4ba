import type { Knex } from 'knex';

export const name = '20261121000010_create_ingest_gaps';

/** Stretches a platform would not let us read (X returns only the newest 800 mentions). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ingest_gaps', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('channel_account_id').notNullable().references('channel_accounts.id').onDelete('CASCADE');
    t.text('stream').notNullable();
    t.text('newer_than_id');
    t.text('older_than_id').notNullable();
    t.text('note').notNullable();
    t.timestamp('detected_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['channel_account_id', 'detected_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ingest_gaps');
}
