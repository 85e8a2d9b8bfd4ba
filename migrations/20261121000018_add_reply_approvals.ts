import type { Knex } from 'knex';

export const name = '20261121000018_add_reply_approvals';

/**
 * Approval workflow: a reply by someone who needs approval (role `guide`, or a trainee flagged
 * `needs_approval`) is stored as an outbound message in delivery state `draft`. The sweeper looks only
 * at `queued`/`sending` and the outbound worker skips drafts, so a draft can never be posted; an
 * approver moves it to `queued` (exactly once, under the message's row lock). `approval_state` records
 * the outcome: pending -> approved | rejected. Notifications get the kind `approval` with its outcome.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.boolean('needs_approval').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('messages', (t) => {
    t.text('approval_state');
    // Who approved or rejected, when, and why (rejections).
    t.uuid('approval_user_id').references('users.id').onDelete('SET NULL');
    t.timestamp('approval_at', { useTz: true });
    t.text('approval_reason');
  });
  await knex.raw('alter table messages drop constraint messages_delivery_state_check');
  await knex.raw(`alter table messages add constraint messages_delivery_state_check
    check (delivery_state is null or delivery_state in ('draft', 'queued', 'sending', 'sent', 'failed'))`);
  await knex.raw(`alter table messages add constraint messages_approval_state_check
    check (approval_state is null or approval_state in ('pending', 'approved', 'rejected'))`);
  // A draft is pending or rejected; an approved or pending row is always an outbound reply.
  await knex.raw(`alter table messages add constraint messages_draft_approval_check
    check ((delivery_state = 'draft') = (approval_state is not null and approval_state <> 'approved'))`);
  // "Drafts awaiting approval" for approvers.
  await knex.raw(
    "create index messages_pending_approval_idx on messages (created_at) where approval_state = 'pending'",
  );

  await knex.schema.alterTable('notifications', (t) => {
    // approval: { outcome: 'approved' | 'rejected', reason }
    t.jsonb('data');
  });
  await knex.raw('alter table notifications drop constraint notifications_kind_check');
  await knex.raw(
    "alter table notifications add constraint notifications_kind_check check (kind in ('mention', 'approval'))",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex('notifications').where({ kind: 'approval' }).delete();
  await knex.raw('alter table notifications drop constraint notifications_kind_check');
  await knex.raw(
    "alter table notifications add constraint notifications_kind_check check (kind in ('mention'))",
  );
  await knex.schema.alterTable('notifications', (t) => {
    t.dropColumn('data');
  });
  // Drafts were never posted: without the workflow they cannot exist, so they go.
  await knex('messages').where({ delivery_state: 'draft' }).delete();
  await knex.raw('drop index messages_pending_approval_idx');
  await knex.raw('alter table messages drop constraint messages_draft_approval_check');
  await knex.raw('alter table messages drop constraint messages_approval_state_check');
  await knex.raw('alter table messages drop constraint messages_delivery_state_check');
  await knex.raw(`alter table messages add constraint messages_delivery_state_check
    check (delivery_state is null or delivery_state in ('queued', 'sending', 'sent', 'failed'))`);
  await knex.schema.alterTable('messages', (t) => {
    t.dropColumn('approval_reason');
    t.dropColumn('approval_at');
    t.dropColumn('approval_user_id');
    t.dropColumn('approval_state');
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('needs_approval');
  });
}
