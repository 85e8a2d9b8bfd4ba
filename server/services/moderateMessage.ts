import type { Knex } from 'knex';
import type { MessageDto } from '../../common/types';
import type { ModerationAction } from '../channels/adapter';
import type { AdapterProvider } from '../channels/adapterProvider';
import { ChannelAuthError, ChannelRejectedError } from '../channels/errors';
import { getChannelAccount } from '../db/repositories/channelAccounts';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { toMessageDto } from '../db/repositories/mappers';
import { getMessage, lockMessage, updateMessage } from '../db/repositories/messages';
import { AppError, ConflictError, NotFoundError, UnprocessableError } from '../errors';
import type { Logger } from '../logger';
import { notifyEvent } from '../realtime/bus';

const EVENT = { hide: 'message.hidden', unhide: 'message.unhidden', delete: 'message.deleted' } as const;

/**
 * Brand safety: hide, unhide or delete a customer's comment on the platform, then record it. The
 * platform call happens outside any transaction; only a confirmed change is stored and audited.
 */
export async function moderateMessage(
  deps: { db: Knex; adapters: AdapterProvider; logger: Logger },
  input: { messageId: string; action: ModerationAction; userId: string },
): Promise<MessageDto> {
  const row = await getMessage(deps.db, input.messageId);
  if (row?.direction !== 'inbound' || row.channel !== 'public' || !row.external_id)
    throw new NotFoundError('Comment');
  const state = await deps.db('messages').where({ id: row.id }).first('hidden_at', 'deleted_at');
  if (state.deleted_at) throw new ConflictError('already_deleted', 'This comment was already deleted');
  const account = await getChannelAccount(deps.db, row.channel_account_id);
  if (!account) throw new NotFoundError('Channel account');
  const adapter = deps.adapters(account);
  if (!adapter.moderate) {
    throw new UnprocessableError(
      'not_supported',
      `${account.platform} does not let a brand hide or delete posts`,
    );
  }
  try {
    await adapter.moderate(row.external_id, input.action);
  } catch (error) {
    if (error instanceof ChannelRejectedError)
      throw new UnprocessableError('platform_refused', error.message);
    if (error instanceof ChannelAuthError) throw new AppError('channel_auth', error.message, 502);
    deps.logger.warn({ err: error, messageId: row.id }, 'moderation call failed');
    throw new AppError(
      'channel_unavailable',
      `The platform did not answer; try again (${(error as Error).message})`,
      502,
    );
  }
  return deps.db.transaction(async (trx) => {
    await lockMessage(trx, row.id);
    const changes =
      input.action === 'delete'
        ? { deleted_at: trx.fn.now() }
        : { hidden_at: input.action === 'hide' ? trx.fn.now() : null };
    const updated = await updateMessage(trx, row.id, changes);
    await recordConversationEvent(trx, {
      conversationId: row.conversation_id,
      type: EVENT[input.action],
      actorKind: 'user',
      actorUserId: input.userId,
      data: { messageId: row.id, externalId: row.external_id },
    });
    await notifyEvent(trx, {
      type: 'message.updated',
      conversationId: row.conversation_id,
      messageId: row.id,
    });
    return toMessageDto(updated);
  });
}
