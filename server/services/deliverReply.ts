import type { Knex } from 'knex';
import { parseAccountSettings } from '../channels/accountSettings';
import type { PostedReply, ReplyExtras, ReplyTarget } from '../channels/adapter';
import type { AdapterProvider } from '../channels/adapterProvider';
import {
  ChannelAuthError,
  ChannelRateLimitError,
  ChannelRejectedError,
  ChannelUnavailableError,
} from '../channels/errors';
import { getAttachment, getAttachmentData } from '../db/repositories/attachments';
import { getChannelAccount, updateAccountHealth } from '../db/repositories/channelAccounts';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { updateConversation } from '../db/repositories/conversations';
import {
  listConversationMessages,
  lockMessage,
  type MessageRow,
  updateMessage,
} from '../db/repositories/messages';
import type { Logger } from '../logger';
import { notifyEvent } from '../realtime/bus';
import { publicAttachmentUrl } from './attachmentUrl';
import { refreshConversationSla } from './conversationSla';
import { refreshConversationMetrics } from './metrics/refreshConversationMetrics';
import { messengerWindow } from './replyOptions';

export type DeliveryOutcome =
  | { kind: 'sent'; externalId: string; reconciled: boolean }
  | { kind: 'failed'; reason: string }
  | { kind: 'skipped'; state: string }
  /** Definitely not posted; try again after `delayMs` (rate limit). The row is back to `queued`. */
  | { kind: 'retry_later'; delayMs: number }
  /** Outcome unknown (timeout, 5xx); the row stays `sending` and the retry reconciles first. */
  | { kind: 'retry_unknown'; error: Error };

/**
 * Points between "platform accepted the reply" and "Caredesk recorded it" where a process can die.
 * Fault tests pass a hook that throws at one of them; production passes nothing.
 */
export type DeliveryStep = 'claimed' | 'posted' | 'recording' | 'recorded';

/** Every step in the order a delivery passes them ('recorded': committed, job not yet acknowledged). */
export const DELIVERY_STEPS: readonly DeliveryStep[] = ['claimed', 'posted', 'recording', 'recorded'];

export interface DeliverDeps {
  crashAt?: (step: DeliveryStep, messageId: string) => void;
  db: Knex;
  adapters: AdapterProvider;
  logger: Logger;
  now?: () => Date;
  /** Origin the platform can reach our attachment URLs at (PUBLIC_URL). */
  publicUrl?: string;
}

/**
 * Sends one outbox row, exactly once. State machine: queued -> sending -> sent | failed.
 * A row found in `sending` means an earlier attempt died after it may have reached the platform,
 * so we look for the posted reply before posting again (reconcile).
 */
export async function deliverReply(
  deps: DeliverDeps,
  messageId: string,
  opts: { finalAttempt: boolean },
): Promise<DeliveryOutcome> {
  const now = deps.now ?? (() => new Date());
  const claim = await deps.db.transaction(async (trx) => {
    const row = await lockMessage(trx, messageId);
    if (row?.direction !== 'outbound') return { skip: 'missing' as const };
    if (row.delivery_state === 'sent' || row.delivery_state === 'failed') return { skip: row.delivery_state };
    // A draft waits for approval: only approveDraft moves it to `queued`; a stray job posts nothing.
    if (row.delivery_state === 'draft') return { skip: 'draft' as const };
    const resumed = row.delivery_state === 'sending';
    const updated = await updateMessage(trx, row.id, {
      delivery_state: 'sending',
      delivery_attempts: row.delivery_attempts + 1,
      ...(resumed ? {} : { sending_started_at: now() }),
    });
    if (!resumed)
      await notifyEvent(trx, { type: 'message.updated', conversationId: row.conversation_id, messageId });
    return { row: updated, resumed };
  });
  if ('skip' in claim) return { kind: 'skipped', state: claim.skip ?? 'missing' };

  const { row, resumed } = claim;
  deps.crashAt?.('claimed', row.id);
  const account = await getChannelAccount(deps.db, row.channel_account_id);
  if (!account) return markFailed(deps, row, 'The channel account was removed');
  if (account.status === 'needs_reauth') {
    return markFailed(deps, row, `@${account.handle} needs to be re-authorised before replies can be sent`);
  }
  const adapter = deps.adapters(account);
  const target = await replyTargetFor(deps.db, row, now().getTime());
  const since = row.sending_started_at ?? row.created_at;

  // The account's posting budget (X: 100 posts per user per 24 h): wait, visibly, instead of a 429.
  if (!resumed && target.channel === 'public') {
    const waitMs = await postingBudgetWait(
      deps.db,
      account.id,
      parseAccountSettings(account.settings).postsPer24h,
      now(),
    );
    if (waitMs > 0) {
      const at = new Date(now().getTime() + waitMs).toISOString();
      return requeue(deps, row, waitMs, `Posting budget of this account reached; sending at ${at}`);
    }
  }

  try {
    if (resumed) {
      const found = await adapter.findPostedReply(target, row.text, since);
      if (found) return markSent(deps, row, found, true);
    }
    const posted = await adapter.postReply(target, row.text, await replyExtrasFor(deps, row));
    deps.crashAt?.('posted', row.id);
    return markSent(deps, row, posted, false);
  } catch (error) {
    return handleSendError(deps, row, error, { since, target, finalAttempt: opts.finalAttempt });
  }
}

/**
 * Public replies answer the customer's post; private replies answer the comment by Messenger; DMs go
 * to the customer, on Messenger with the HUMAN_AGENT tag once the 24-hour window has closed.
 */
async function replyTargetFor(db: Knex, row: MessageRow, now: number): Promise<ReplyTarget> {
  if (row.private_reply) return { channel: 'private_reply', commentId: row.in_reply_to_external_id ?? '' };
  if (row.channel === 'dm') {
    const contact = await db('conversations as c')
      .join('contacts as ct', 'ct.id', 'c.contact_id')
      .where('c.id', row.conversation_id)
      .first('ct.platform_user_id');
    const window = messengerWindow(await listConversationMessages(db, row.conversation_id), now);
    return {
      channel: 'dm',
      participantId: contact.platform_user_id,
      ...(window?.tag ? { tag: window.tag } : {}),
    };
  }
  return { channel: 'public', inReplyToExternalId: row.in_reply_to_external_id ?? '' };
}

/**
 * The reply's image: its public URL (Facebook fetches it from there) and, read on demand outside any
 * transaction, its bytes (X takes an upload).
 */
async function replyExtrasFor(deps: DeliverDeps, row: MessageRow): Promise<ReplyExtras> {
  if (!row.attachment_id) return {};
  const attachment = await getAttachment(deps.db, row.attachment_id);
  if (!attachment) throw new ChannelRejectedError('The attached image was removed', 'invalid');
  const load = async () => {
    const file = await getAttachmentData(deps.db, attachment.id);
    if (!file) throw new ChannelRejectedError('The attached image was removed', 'invalid');
    return file.data;
  };
  return {
    ...(deps.publicUrl ? { attachmentUrl: publicAttachmentUrl(deps.publicUrl, attachment.token) } : {}),
    attachment: { contentType: attachment.content_type, byteSize: attachment.byte_size, load },
  };
}

/** Back to `queued` with a visible reason: definitely not posted, try again after `delayMs`. */
async function requeue(
  deps: DeliverDeps,
  row: MessageRow,
  delayMs: number,
  reason: string,
): Promise<DeliveryOutcome> {
  await deps.db.transaction(async (trx) => {
    await lockMessage(trx, row.id);
    await updateMessage(trx, row.id, { delivery_state: 'queued', delivery_error: reason });
    await notifyEvent(trx, {
      type: 'message.updated',
      conversationId: row.conversation_id,
      messageId: row.id,
    });
  });
  return { kind: 'retry_later', delayMs };
}

/** How long until the account may post again within its 24-hour budget (0: now). */
async function postingBudgetWait(db: Knex, accountId: string, perDay: number, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const recent = await db('messages')
    .where({
      channel_account_id: accountId,
      direction: 'outbound',
      channel: 'public',
      delivery_state: 'sent',
    })
    .andWhere('sent_at', '>', dayAgo)
    .orderBy('sent_at', 'desc')
    .limit(perDay)
    .pluck('sent_at');
  if (recent.length < perDay) return 0;
  const oldest = new Date(recent[recent.length - 1] as Date);
  return Math.max(1000, oldest.getTime() + 24 * 3600_000 - now.getTime());
}

/** The reconcile lookup before giving up on a send: did the platform take it after all? */
async function lookForPostedReply(
  deps: DeliverDeps,
  row: MessageRow,
  ctx: { since: Date; target: ReplyTarget },
): Promise<PostedReply | null> {
  const account = await getChannelAccount(deps.db, row.channel_account_id);
  if (!account) return null;
  return deps
    .adapters(account)
    .findPostedReply(ctx.target, row.text, ctx.since)
    .catch(() => null);
}

async function handleSendError(
  deps: DeliverDeps,
  row: MessageRow,
  error: unknown,
  ctx: { since: Date; target: ReplyTarget; finalAttempt: boolean },
): Promise<DeliveryOutcome> {
  const log = deps.logger.child({ messageId: row.id, channelAccountId: row.channel_account_id });
  if (error instanceof ChannelRejectedError && error.reason === 'duplicate') {
    // X refuses duplicate content and does not say which post: find ours, never repost.
    const found = await lookForPostedReply(deps, row, ctx);
    if (found) return markSent(deps, row, found, true);
    return markFailed(
      deps,
      row,
      `${error.message}. Nothing was posted again; change the wording to send a new reply.`,
    );
  }
  if (error instanceof ChannelRejectedError) return markFailed(deps, row, error.message);
  if (error instanceof ChannelAuthError) {
    await updateAccountHealth(
      deps.db,
      row.channel_account_id,
      { lastError: error.message, lastErrorAt: new Date().toISOString() },
      [],
      'needs_reauth',
    );
    // Leads and the account's agents see the account flagged at once, as when a poll finds it.
    await notifyEvent(deps.db, { type: 'account.updated', channelAccountId: row.channel_account_id });
    log.warn({ err: error }, 'token rejected; account needs re-authorisation');
    return markFailed(deps, row, `${error.message}. The account must be re-authorised.`);
  }
  if (error instanceof ChannelRateLimitError) {
    return requeue(
      deps,
      row,
      error.retryAfterMs,
      `X rate limit reached; retrying in ${Math.ceil(error.retryAfterMs / 1000)} s`,
    );
  }
  const err = error instanceof Error ? error : new Error(String(error));
  if (!ctx.finalAttempt) {
    log.warn({ err }, 'send outcome unknown; will reconcile and retry');
    return { kind: 'retry_unknown', error: err };
  }
  const found = await lookForPostedReply(deps, row, ctx);
  if (found) return markSent(deps, row, found, true);
  log.error({ err }, 'reply could not be delivered');
  const reason =
    error instanceof ChannelUnavailableError ? error.message : `Unexpected error: ${err.message}`;
  return markFailed(deps, row, reason);
}

async function markSent(
  deps: DeliverDeps,
  row: MessageRow,
  posted: PostedReply,
  reconciled: boolean,
): Promise<DeliveryOutcome> {
  await deps.db.transaction(async (trx) => {
    await lockMessage(trx, row.id);
    deps.crashAt?.('recording', row.id);
    // If the poller already imported our own post as a native reply, keep one row (ours) and one
    // "reply sent" in the conversation's trail (ours); the audit log keeps what the poller saw.
    const imported = await trx('messages')
      .where({ channel_account_id: row.channel_account_id, external_id: posted.externalId })
      .whereNot({ id: row.id })
      .whereNull('author_user_id')
      .delete();
    if (imported > 0) {
      await trx('conversation_events')
        .where({ conversation_id: row.conversation_id, type: 'reply.sent' })
        .whereRaw("data->>'externalId' = ? and (data->>'native')::boolean", [posted.externalId])
        .delete();
    }
    await updateMessage(trx, row.id, {
      delivery_state: 'sent',
      delivery_error: null,
      external_id: posted.externalId,
      sent_at: posted.postedAt,
      platform_created_at: posted.postedAt,
    });
    const current = await trx('conversations').where({ id: row.conversation_id }).first('status');
    const version = await updateConversation(trx, row.conversation_id, {
      last_outbound_at: trx.raw('greatest(last_outbound_at, ?)', [posted.postedAt]),
      first_response_at: trx.raw('coalesce(first_response_at, ?)', [posted.postedAt]),
      waiting_since: null,
      ...(current?.status === 'resolved' ? {} : { status: 'pending' }),
    });
    await refreshConversationSla(trx, row.conversation_id);
    await refreshConversationMetrics(trx, row.conversation_id);
    await recordConversationEvent(trx, {
      conversationId: row.conversation_id,
      type: 'reply.sent',
      actorKind: 'user',
      actorUserId: row.author_user_id,
      data: { messageId: row.id, externalId: posted.externalId, reconciled },
    });
    await notifyEvent(trx, {
      type: 'message.updated',
      conversationId: row.conversation_id,
      messageId: row.id,
    });
    await notifyEvent(trx, { type: 'conversation.updated', conversationId: row.conversation_id, version });
  });
  return { kind: 'sent', externalId: posted.externalId, reconciled };
}

async function markFailed(deps: DeliverDeps, row: MessageRow, reason: string): Promise<DeliveryOutcome> {
  await deps.db.transaction(async (trx) => {
    await lockMessage(trx, row.id);
    await updateMessage(trx, row.id, { delivery_state: 'failed', delivery_error: reason.slice(0, 1000) });
    await recordConversationEvent(trx, {
      conversationId: row.conversation_id,
      type: 'reply.failed',
      actorKind: 'system',
      data: { messageId: row.id, reason },
    });
    await notifyEvent(trx, {
      type: 'message.updated',
      conversationId: row.conversation_id,
      messageId: row.id,
    });
  });
  return { kind: 'failed', reason };
}
