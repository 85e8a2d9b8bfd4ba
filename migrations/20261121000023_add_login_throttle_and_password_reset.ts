import type { Knex } from 'knex';

export const name = '20261121000023_add_login_throttle_and_password_reset';

/**
 * Login rate limiting and temporary lockout kept in PostgreSQL (so every web server agrees), a flag
 * that forces a password change after an admin reset, and a trigger that ends every session of a
 * user the moment the user is deactivated.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_throttle', (t) => {
    // `account:<lower email>` or `ip:<address>`; unknown emails are counted too (no enumeration).
    t.text('key').primary();
    t.integer('failures').notNullable().defaultTo(0);
    t.timestamp('window_started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('locked_until', { useTz: true });
  });
  await knex.schema.alterTable('users', (t) => {
    t.boolean('must_change_password').notNullable().defaultTo(false);
  });
  // One row per OIDC sign-in under way: PKCE verifier and nonce, found by the hash of the state.
  await knex.schema.createTable('oidc_logins', (t) => {
    t.text('state_hash').primary();
    t.text('code_verifier').notNullable();
    t.text('nonce').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    create function end_sessions_of_deactivated_user() returns trigger language plpgsql as $$
    begin
      if old.active and not new.active then
        delete from sessions where user_id = new.id;
        perform pg_notify('caredesk_sessions_ended', new.id::text);
      end if;
      return new;
    end $$;
    create trigger users_deactivated_end_sessions after update of active on users
      for each row execute function end_sessions_of_deactivated_user();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger users_deactivated_end_sessions on users');
  await knex.raw('drop function end_sessions_of_deactivated_user()');
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('must_change_password');
  });
  await knex.schema.dropTable('oidc_logins');
  await knex.schema.dropTable('login_throttle');
}
