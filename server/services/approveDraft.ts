import type { Knex } from 'knex';
import type { MessageDto, ReplyKind } from '../../common/types';
import { signReply, xLengthInfo } from '../../common/xText';
import { getChannelAccount } from '../db/repositories/channelAccounts';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { updateConversation } from '../db/repositories/conversations';
import { toMessageDto } from '../db/repositories/mappers';
import { listConversationMessages, updateMessage } from '../db/repositories/messages';
import type { UserRow } from '../db/repositories/users';
import { inTransaction } from '../db/transaction';
import { NotFoundError, UnprocessableError, ValidationError } from '../errors';
import type { Logger } from '../logger';
import { enqueueOutbound, type OutboundEnqueuer } from '../queues/producers';
import { notifyEvent } from '../realtime/bus';
import { lockPendingDraft, notifyAuthor } from './draftReview';
import { findOption, replyOptionsFor } from './replyOptions';

/**
 * Approves a draft, optionally with the approver's edit, and turns it into a normal outbox reply
 * (`queued`), enqueued after commit. The public reply is in the brand's voice and signed by the one
 * who takes responsibility for it: the approver. The same limits as for any reply apply, checked
 * again now (the Messenger window may have closed since the draft was written).
 */
export async function approveDraft(
  deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger },
  input: { messageId: string; approver: UserRow; text?: string | undefined },
): Promise<MessageDto> {
  const edited = input.text?.trim();
  if (edited === '') throw new ValidationError('Reply text is empty', 'text');
  const tx = await inTransaction(deps.db, async (trx, afterCommit) => {
    const draft = await lockPendingDraft(trx, input.messageId, input.approver);
    const account = await getChannelAccount(trx, draft.channel_account_id);
    if (!account) throw new NotFoundError('Channel account');
    const kind: ReplyKind = draft.private_reply ? 'private_reply' : draft.channel === 'dm' ? 'dm' : 'public';
    // The draft itself must not count as "already answered privately".
    const others = (await listConversationMessages(trx, draft.conversation_id)).filter(
      (m) => m.id !== draft.id,
    );
    const option = findOption(replyOptionsFor(account.platform, others, Date.now()), kind);
    if (!option?.allowed) {
      throw new UnprocessableError(
        'reply_not_allowed',
        option?.reason ?? `A ${kind} reply is not possible here`,
        'channel',
      );
    }
    if (draft.attachment_id && !option.attachments?.allowed) {
      throw new UnprocessableError(
        'attachment_not_allowed',
        option.attachments?.reason ?? `A ${kind} reply cannot carry an attachment`,
        'attachmentId',
      );
    }
    const body = edited ?? draft.text;
    const signed = signReply(body, input.approver.initials);
    const length = option.weighted ? xLengthInfo(signed).weightedLength : [...signed].length;
    if (length > option.maxLength) {
      throw new UnprocessableError(
        'too_long',
        `Reply is ${length} characters with signature; ${option.maxLength} are allowed`,
        'text',
      );
    }
    const updated = await updateMessage(trx, draft.id, {
      text: signed,
      delivery_state: 'queued',
      approval_state: 'approved',
      approval_user_id: input.approver.id,
      approval_at: trx.fn.now(),
    });
    const wasEdited = edited !== undefined && edited !== draft.text;
    await recordConversationEvent(trx, {
      conversationId: draft.conversation_id,
      type: 'reply.approved',
      actorKind: 'user',
      actorUserId: input.approver.id,
      data: { messageId: draft.id, authorUserId: draft.author_user_id, edited: wasEdited },
    });
    if (wasEdited) {
      await recordConversationEvent(trx, {
        conversationId: draft.conversation_id,
        type: 'reply.edited_on_approval',
        actorKind: 'user',
        actorUserId: input.approver.id,
        data: { messageId: draft.id, before: draft.text, after: body },
      });
    }
    const current = await trx('conversations').where({ id: draft.conversation_id }).first('status');
    const version = await updateConversation(trx, draft.conversation_id, {
      snippet: signed.slice(0, 200),
      ...(current?.status === 'new' ? { status: 'open' } : {}),
    });
    await notifyAuthor(trx, draft, input.approver, 'approved', null);
    await notifyEvent(trx, {
      type: 'message.updated',
      conversationId: draft.conversation_id,
      messageId: draft.id,
    });
    await notifyEvent(trx, { type: 'conversation.updated', conversationId: draft.conversation_id, version });
    afterCommit(() => enqueueOutbound(deps.queues, draft.id));
    return toMessageDto({ ...updated, approval_user_name: input.approver.name });
  });
  await tx.runAfterCommit((error) =>
    deps.logger.warn(
      { err: error, messageId: input.messageId },
      'could not enqueue approved reply; the sweeper will',
    ),
  );
  return tx.value;
}
