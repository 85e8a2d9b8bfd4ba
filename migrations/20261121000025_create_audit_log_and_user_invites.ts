import type { Knex } from 'knex';

export const name = '20261121000025_create_audit_log_and_user_invites';

/**
 * Conversation events that are also security-relevant actions. They are mirrored into `audit_log` by a
 * trigger in the same transaction as the event, so no code path can record one without the other.
 */
const MIRRORED_EVENT_TYPES = [
  'reply.queued',
  'reply.drafted',
  'reply.approved',
  'reply.edited_on_approval',
  'reply.rejected',
  'message.deleted',
  'message.hidden',
  'message.unhidden',
  'conversation.takeover',
];

/**
 * The append-only audit log (issue 7, point 5). No foreign keys on purpose: deleting a user or a
 * conversation must neither cascade into nor rewrite the record (ON DELETE SET NULL would be an UPDATE).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id').primary();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.uuid('actor_user_id');
    t.text('actor_kind').notNullable().defaultTo('system');
    t.text('action').notNullable();
    t.text('target_type');
    t.text('target_id');
    t.text('ip');
    t.text('user_agent');
    t.jsonb('data').notNullable().defaultTo('{}');
    t.check("actor_kind in ('user', 'customer', 'system', 'anonymous')", [], 'audit_log_actor_kind_check');
  });
  // Pages are newest first by id (insertion order), keyset on id; `at` serves date ranges.
  await knex.raw('create index audit_log_at_idx on audit_log (at)');
  await knex.raw('create index audit_log_actor_idx on audit_log (actor_user_id, id desc)');
  await knex.raw('create index audit_log_action_idx on audit_log (action, id desc)');
  await knex.raw(`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$`);
  await knex.raw(`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`);
  await knex.raw(`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change()`);
  // A function body is a literal: the list is inlined (constants only, no user input).
  const types = MIRRORED_EVENT_TYPES.map((t) => `'${t}'`).join(', ');
  await knex.raw(`
    create function audit_log_mirror_conversation_event() returns trigger language plpgsql as $$
    begin
      if new.type in (${types}) then
        insert into audit_log (at, actor_user_id, actor_kind, action, target_type, target_id, data)
        values (new.created_at, new.actor_user_id, new.actor_kind, new.type, 'conversation',
                new.conversation_id::text, new.data || jsonb_build_object('conversationEventId', new.id));
      end if;
      return null;
    end $$`);
  await knex.raw(`
    create trigger conversation_events_to_audit_log after insert on conversation_events
    for each row execute function audit_log_mirror_conversation_event()`);

  // Invitations (issue 7, point 7): a one-time link; only the sha256 of its token is stored.
  await knex.schema.createTable('user_invites', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('email').notNullable();
    t.text('role').notNullable();
    t.string('locale', 8).notNullable().defaultTo('en');
    t.specificType('team_ids', 'uuid[]').notNullable().defaultTo('{}');
    t.text('token_hash').notNullable().unique();
    t.uuid('invited_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.uuid('user_id').references('users.id').onDelete('SET NULL');
    t.check("role in ('admin', 'lead', 'agent', 'guide')", [], 'user_invites_role_check');
  });
  await knex.raw('create index user_invites_email_idx on user_invites (lower(email))');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_invites');
  await knex.raw('drop trigger conversation_events_to_audit_log on conversation_events');
  await knex.raw('drop function audit_log_mirror_conversation_event()');
  await knex.raw('drop table audit_log');
  await knex.raw('drop function audit_log_refuse_change()');
}
