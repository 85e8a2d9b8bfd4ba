import type { Knex } from 'knex';

export const name = '20261121000001_create_users_and_teams';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('email').notNullable();
    t.text('name').notNullable();
    t.string('initials', 8).notNullable();
    t.text('role').notNullable().defaultTo('agent');
    t.string('locale', 8).notNullable().defaultTo('en');
    t.text('time_zone').notNullable().defaultTo('Europe/Berlin');
    t.text('password_hash');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.check("role in ('admin', 'lead', 'agent', 'guide')", [], 'users_role_check');
  });
  await knex.raw('create unique index users_email_unique on users (lower(email))');

  await knex.schema.createTable('teams', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('name').notNullable().unique();
    t.timestamps(true, true);
  });

  await knex.schema.createTable('team_members', (t) => {
    t.uuid('team_id').notNullable().references('teams.id').onDelete('CASCADE');
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['team_id', 'user_id']);
    t.index(['user_id']);
  });

  await knex.schema.createTable('sessions', (t) => {
    // sha256 of the cookie token: a database leak does not hand out live sessions.
    t.text('id').primary();
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('team_members');
  await knex.schema.dropTable('teams');
  await knex.schema.dropTable('users');
}
