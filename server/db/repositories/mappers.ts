import type { ContactDto, ConversationSummary, MessageDto, UserDto } from '../../../common/types';

const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : new Date(d).toISOString();

// biome-ignore lint/suspicious/noExplicitAny: rows come from joined SQL; the mappers are the typed boundary.
type Row = Record<string, any>;

export function toUserDto(row: Row): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    initials: row.initials,
    role: row.role,
    locale: row.locale,
  };
}

export function toContactDto(row: Row, prefix = 'contact_'): ContactDto {
  return {
    id: row[`${prefix}id`],
    platformUserId: row[`${prefix}platform_user_id`],
    handle: row[`${prefix}handle`],
    name: row[`${prefix}name`],
    avatarUrl: row[`${prefix}avatar_url`] ?? null,
    followersCount: row[`${prefix}followers_count`] ?? null,
    verified: Boolean(row[`${prefix}verified`]),
  };
}

export function toConversationSummary(row: Row): ConversationSummary {
  return {
    id: row.id,
    platform: row.platform,
    channelAccountId: row.channel_account_id,
    accountHandle: row.account_handle,
    contact: toContactDto(row),
    status: row.status,
    priority: row.priority,
    assigneeId: row.assignee_id ?? null,
    assigneeName: row.assignee_name ?? null,
    snippet: row.snippet,
    firstInboundAt: iso(row.first_inbound_at),
    lastInboundAt: iso(row.last_inbound_at),
    lastOutboundAt: iso(row.last_outbound_at),
    firstResponseAt: iso(row.first_response_at),
    snoozedUntil: iso(row.snoozed_until),
    tags: row.tags ?? [],
    updatedAt: iso(row.updated_at)!,
    version: row.version,
  };
}

export function toMessageDto(row: Row): MessageDto {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    direction: row.direction,
    channel: row.channel ?? 'public',
    text: row.text,
    media: row.context?.media ?? [],
    entities: row.context?.entities ?? null,
    quoted: row.context?.quoted ?? null,
    externalUrl: row.context?.url ?? null,
    contextPost: row.context?.contextPost ?? null,
    moderation: { hidden: row.hidden_at != null, deleted: row.deleted_at != null },
    privateReply: Boolean(row.private_reply),
    externalId: row.external_id ?? null,
    inReplyToExternalId: row.in_reply_to_external_id ?? null,
    authorName: row.author_name,
    authorHandle: row.author_handle ?? null,
    authorUserId: row.author_user_id ?? null,
    platformCreatedAt: iso(row.platform_created_at),
    receivedAt: iso(row.received_at)!,
    deliveryState: row.delivery_state ?? null,
    deliveryError: row.delivery_error ?? null,
    createdAt: iso(row.created_at)!,
  };
}
