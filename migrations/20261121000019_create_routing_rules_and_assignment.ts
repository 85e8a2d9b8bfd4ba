import type { Knex } from 'knex';

export const name = '20261121000019_create_routing_rules_and_assignment';

/**
 * Routing rules (applied in `position` order to every new conversation; first enabled match wins) and
 * auto-assignment: a mode and an away timeout per team, a capacity and a self-set availability per
 * agent, and the round-robin pointer per team (the last agent who got a conversation).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('routing_rules', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.integer('position').notNullable();
    t.text('name').notNullable();
    t.boolean('enabled').notNullable().defaultTo(true);
    t.jsonb('conditions').notNullable().defaultTo('{}');
    t.jsonb('actions').notNullable().defaultTo('{}');
    t.timestamps(true, true);
    t.index(['position']);
  });
  await knex.raw('create unique index routing_rules_name_unique on routing_rules (lower(name))');

  await knex.schema.alterTable('teams', (t) => {
    t.text('assignment_mode').notNullable().defaultTo('off');
    t.integer('away_timeout_minutes').notNullable().defaultTo(15);
    t.check("assignment_mode in ('off', 'round_robin', 'least_loaded')", [], 'teams_assignment_mode_check');
    t.check('away_timeout_minutes between 1 and 1440', [], 'teams_away_timeout_check');
  });
  await knex.schema.alterTable('users', (t) => {
    t.integer('capacity').notNullable().defaultTo(5);
    t.text('availability').notNullable().defaultTo('available');
    t.timestamp('availability_changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('capacity between 0 and 1000', [], 'users_capacity_check');
    t.check("availability in ('available', 'away')", [], 'users_availability_check');
  });
  // When the agent was last seen online (any tab's heartbeat); the away timeout counts from here.
  await knex.schema.alterTable('users', (t) => {
    t.timestamp('last_online_at', { useTz: true });
  });

  await knex.schema.createTable('team_round_robin', (t) => {
    t.uuid('team_id').primary().references('teams.id').onDelete('CASCADE');
    t.uuid('last_user_id').references('users.id').onDelete('SET NULL');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `create index conversations_team_queue_idx on conversations (team_id, created_at)
     where assignee_id is null and status <> 'resolved'`,
  );
  await knex.raw(
    `create index conversations_assignee_load_idx on conversations (assignee_id)
     where status in ('new', 'open')`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index conversations_assignee_load_idx');
  await knex.raw('drop index conversations_team_queue_idx');
  await knex.schema.dropTable('team_round_robin');
  await knex.schema.alterTable('users', (t) => {
    t.dropChecks(['users_capacity_check', 'users_availability_check']);
    t.dropColumn('last_online_at');
    t.dropColumn('availability_changed_at');
    t.dropColumn('availability');
    t.dropColumn('capacity');
  });
  await knex.schema.alterTable('teams', (t) => {
    t.dropChecks(['teams_assignment_mode_check', 'teams_away_timeout_check']);
    t.dropColumn('away_timeout_minutes');
    t.dropColumn('assignment_mode');
  });
  await knex.schema.dropTable('routing_rules');
}
