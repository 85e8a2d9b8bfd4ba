import type { Knex } from 'knex';
import { requiresApproval } from '../../common/approval';
import type { MessageDto, ReplyKind } from '../../common/types';
import { signReply, xLengthInfo } from '../../common/xText';
import { getAttachment } from '../db/repositories/attachments';
import { getChannelAccount } from '../db/repositories/channelAccounts';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { lockConversation, updateConversation } from '../db/repositories/conversations';
import { toMessageDto } from '../db/repositories/mappers';
import {
  findByIdempotencyKey,
  insertOutboundMessage,
  listConversationMessages,
} from '../db/repositories/messages';
import type { UserRow } from '../db/repositories/users';
import { inTransaction } from '../db/transaction';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../errors';
import type { Logger } from '../logger';
import { enqueueOutbound, type OutboundEnqueuer } from '../queues/producers';
import { notifyEvent } from '../realtime/bus';
import { setAssignee } from './assignConversation';
import { findOption, latestPublicInbound, replyOptionsFor } from './replyOptions';

export interface CreateReplyInput {
  conversationId: string;
  author: UserRow;
  text: string;
  idempotencyKey: string;
  channel?: ReplyKind;
  /** Reply although someone else is assigned, and take the conversation over (audited). */
  takeover?: boolean;
  /** An uploaded image (POST /api/attachments), where the reply kind allows one. */
  attachmentId?: string | undefined;
}

/**
 * Stores an agent's public reply as an outbox row (`queued`) and, after commit, enqueues its
 * delivery. The agent's signature is appended here, so what is counted is what is posted.
 * A reply by someone who needs approval is stored as a `draft` instead and not enqueued.
 */
export async function createReply(
  deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger },
  input: CreateReplyInput,
): Promise<{ message: MessageDto; created: boolean }> {
  const body = input.text.trim();
  if (body === '') throw new ValidationError('Reply text is empty', 'text');
  const signed = signReply(body, input.author.initials);
  // Guides and trainees write drafts (stored unsigned: the approver's signature goes on at approval).
  const draft = requiresApproval({
    role: input.author.role,
    needsApproval: Boolean(input.author.needs_approval),
  });
  // A resubmit of the same reply answers with the stored row and takes no locks.
  const existing = await findByIdempotencyKey(deps.db, input.author.id, input.idempotencyKey);
  if (existing) {
    if (existing.conversation_id !== input.conversationId) {
      throw new ConflictError(
        'idempotency_key_reused',
        'This idempotency key was used for another conversation',
      );
    }
    return { message: toMessageDto(existing), created: false };
  }

  const tx = await inTransaction(deps.db, async (trx, afterCommit) => {
    const conversation = await lockConversation(trx, input.conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    const account = await getChannelAccount(trx, conversation.channel_account_id);
    if (!account) throw new NotFoundError('Channel account');
    // Never two agents answering one customer: someone else's conversation needs an explicit takeover.
    if (conversation.assignee_id && conversation.assignee_id !== input.author.id) {
      if (!input.takeover) {
        const assignee = await trx('users').where({ id: conversation.assignee_id }).first('name');
        throw new ConflictError(
          'assigned_to_other',
          `${assignee?.name ?? 'Another agent'} is assigned to this conversation; reply anyway to take it over`,
        );
      }
      await setAssignee(trx, {
        conversationId: conversation.id,
        assigneeId: input.author.id,
        actorUserId: input.author.id,
        kind: 'takeover',
      });
    } else if (!conversation.assignee_id) {
      // Answering an unassigned conversation claims it, so a colleague does not answer it too.
      await setAssignee(trx, {
        conversationId: conversation.id,
        assigneeId: input.author.id,
        actorUserId: input.author.id,
        kind: 'claimed',
      });
    }
    const kind = input.channel ?? 'public';
    // The same rules the composer shows: refuse with the reason, never drop silently.
    const messages = await listConversationMessages(trx, conversation.id);
    const option = findOption(replyOptionsFor(account.platform, messages, Date.now()), kind);
    if (!option?.allowed) {
      throw new UnprocessableError(
        'reply_not_allowed',
        option?.reason ?? `A ${kind} reply is not possible here`,
        'channel',
      );
    }
    if (input.attachmentId !== undefined) {
      if (!option.attachments?.allowed) {
        throw new UnprocessableError(
          'attachment_not_allowed',
          option.attachments?.reason ?? `A ${kind} reply cannot carry an attachment`,
          'attachmentId',
        );
      }
      if (!(await getAttachment(trx, input.attachmentId))) throw new NotFoundError('Attachment');
    }
    const length = option.weighted ? xLengthInfo(signed).weightedLength : [...signed].length;
    if (length > option.maxLength) {
      throw new UnprocessableError(
        'too_long',
        `Reply is ${length} characters with signature; ${option.maxLength} are allowed`,
        'text',
      );
    }
    // Public replies and private replies answer the customer's newest comment/post; a DM goes to the customer.
    const target = kind === 'dm' ? undefined : latestPublicInbound(messages);
    const channel = kind === 'public' ? 'public' : 'dm';
    // Facebook flattens comment threads: a public reply goes under the top-level comment, where
    // the reconcile step also looks for it. A private reply answers the customer's own comment.
    const replyTo =
      account.platform === 'facebook' && kind === 'public'
        ? (target?.inReplyToExternalId ?? target?.externalId)
        : target?.externalId;

    const { row, created } = await insertOutboundMessage(trx, {
      conversationId: conversation.id,
      channelAccountId: conversation.channel_account_id,
      authorUserId: input.author.id,
      authorName: input.author.name,
      channel,
      privateReply: kind === 'private_reply',
      text: signed,
      inReplyToExternalId: replyTo ?? null,
      idempotencyKey: input.idempotencyKey,
      attachmentId: input.attachmentId ?? null,
      ...(draft ? { text: body, draft } : {}),
    });
    if (created) {
      // A draft is not an answer yet: the list keeps showing the customer's words.
      const version = await updateConversation(
        trx,
        conversation.id,
        draft
          ? {}
          : { snippet: signed.slice(0, 200), ...(conversation.status === 'new' ? { status: 'open' } : {}) },
      );
      await recordConversationEvent(trx, {
        conversationId: conversation.id,
        type: draft ? 'reply.drafted' : 'reply.queued',
        actorKind: 'user',
        actorUserId: input.author.id,
        data: {
          messageId: row.id,
          kind,
          inReplyTo: target?.externalId ?? null,
          ...(input.attachmentId ? { attachmentId: input.attachmentId } : {}),
        },
      });
      await notifyEvent(trx, { type: 'message.created', conversationId: conversation.id, messageId: row.id });
      await notifyEvent(trx, { type: 'conversation.updated', conversationId: conversation.id, version });
      // Drafts are never enqueued: approveDraft queues them once approved.
      if (!draft) afterCommit(() => enqueueOutbound(deps.queues, row.id));
    }
    return { message: toMessageDto(row), created };
  });
  await tx.runAfterCommit((error) =>
    // The sweeper re-enqueues queued rows, so a failed enqueue only delays the reply.
    deps.logger.warn(
      { err: error, messageId: tx.value.message.id },
      'could not enqueue reply; the sweeper will',
    ),
  );
  return tx.value;
}
