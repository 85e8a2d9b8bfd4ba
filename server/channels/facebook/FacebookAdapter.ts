import type { AccountSettings } from '../accountSettings';
import type {
  AccountIdentity,
  ChannelAdapter,
  ModerationAction,
  PostedReply,
  ReplyExtras,
  ReplyTarget,
  StreamCursor,
  StreamFetch,
  StreamSpec,
} from '../adapter';
import { ChannelRejectedError } from '../errors';
import type { GraphApi } from './graph';
import {
  type FbMessage,
  fbCommentSchema,
  fbConversationMessagesSchema,
  fbIdSchema,
  fbListSchema,
  fbMeSchema,
  fbPrivateReplySchema,
  fbSendSchema,
  fbSuccessSchema,
} from './schemas';
import { fbStreamSpecs, fetchFeed, fetchMessenger } from './streams';

/** Facebook page through the Graph API, behind the ChannelAdapter contract. */
export class FacebookAdapter implements ChannelAdapter {
  readonly platform = 'facebook' as const;

  constructor(
    private readonly api: GraphApi,
    private readonly pageId: string,
  ) {}

  async verifyCredentials(): Promise<AccountIdentity> {
    const me = await this.api.get('me', { fields: 'id,name' }, fbMeSchema);
    return { externalUserId: me.body.id, handle: me.body.name, name: me.body.name };
  }

  streams(settings: AccountSettings): StreamSpec[] {
    return fbStreamSpecs(settings);
  }

  fetchStream(key: string, cursor: StreamCursor | null): Promise<StreamFetch> {
    if (key === 'feed') return fetchFeed(this.api, this.pageId, cursor);
    if (key === 'messenger') return fetchMessenger(this.api, this.pageId, cursor);
    return Promise.reject(new Error(`Unknown Facebook stream "${key}"`));
  }

  async postReply(target: ReplyTarget, text: string, extras: ReplyExtras = {}): Promise<PostedReply> {
    const postedAt = () => new Date(this.api.now()).toISOString();
    if (target.channel === 'public') {
      if (extras.attachment && !extras.attachmentUrl)
        throw new ChannelRejectedError('PUBLIC_URL is not configured', 'invalid');
      // Graph fetches the image itself from attachment_url, so it must be reachable from the internet.
      const res = await this.api.post(
        `${target.inReplyToExternalId}/comments`,
        { message: text, ...(extras.attachmentUrl ? { attachment_url: extras.attachmentUrl } : {}) },
        fbIdSchema,
      );
      return { externalId: res.body.id, postedAt: postedAt() };
    }
    if (extras.attachmentUrl || extras.attachment) {
      throw new ChannelRejectedError(
        'Caredesk sends Messenger messages and private replies as text only',
        'invalid',
      );
    }
    const body =
      target.channel === 'private_reply'
        ? { recipient: { comment_id: target.commentId }, message: { text } }
        : target.tag
          ? {
              recipient: { id: target.participantId },
              messaging_type: 'MESSAGE_TAG',
              tag: target.tag,
              message: { text },
            }
          : { recipient: { id: target.participantId }, messaging_type: 'RESPONSE', message: { text } };
    const res = await this.api.post(`${this.pageId}/messages`, body, fbSendSchema);
    return { externalId: res.body.message_id, postedAt: postedAt() };
  }

  /**
   * Graph has no idempotency key. A public reply is found among the comment's replies by the page; a
   * private reply in the comment's `private_reply_conversation` (a retry would fail with 10900); a
   * Messenger send among the newest messages of the conversation with that person; all by text.
   */
  async findPostedReply(target: ReplyTarget, text: string, since: Date): Promise<PostedReply | null> {
    const earliest = since.getTime() - 5 * 60_000;
    if (target.channel === 'public') {
      const res = await this.api.get(
        `${target.inReplyToExternalId}/comments`,
        { fields: 'id,message,created_time,from', order: 'reverse_chronological', limit: 100 },
        fbListSchema(fbCommentSchema),
      );
      const match = res.body.data.find(
        (c) => c.from?.id === this.pageId && c.message === text && Date.parse(c.created_time) >= earliest,
      );
      return match ? { externalId: match.id, postedAt: new Date(match.created_time).toISOString() } : null;
    }
    const messages = 'messages.limit(25){id,message,created_time,from}';
    if (target.channel === 'private_reply') {
      const res = await this.api.get(
        target.commentId,
        { fields: `id,private_reply_conversation{id,${messages}}` },
        fbPrivateReplySchema,
      );
      return this.ownMessage(res.body.private_reply_conversation?.messages?.data ?? [], text, earliest);
    }
    const res = await this.api.get(
      `${this.pageId}/conversations`,
      { platform: 'messenger', user_id: target.participantId, fields: `id,${messages}` },
      fbListSchema(fbConversationMessagesSchema),
    );
    return this.ownMessage(
      res.body.data.flatMap((c) => c.messages?.data ?? []),
      text,
      earliest,
    );
  }

  private ownMessage(messages: FbMessage[], text: string, earliest: number): PostedReply | null {
    const match = messages.find(
      (m) => m.from?.id === this.pageId && m.message === text && Date.parse(m.created_time) >= earliest,
    );
    return match ? { externalId: match.id, postedAt: new Date(match.created_time).toISOString() } : null;
  }

  async moderate(externalId: string, action: ModerationAction): Promise<void> {
    if (action === 'delete') await this.api.delete(externalId, fbSuccessSchema);
    else await this.api.post(externalId, { is_hidden: action === 'hide' }, fbSuccessSchema);
  }
}
