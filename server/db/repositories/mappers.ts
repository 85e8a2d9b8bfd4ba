import { requiresApproval } from '../../../common/approval';
import type {
  ApprovalDto,
  ContactDto,
  ConversationSummary,
  MessageDto,
  UserDto,
} from '../../../common/types';

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
    timeZone: row.time_zone,
    requiresApproval: requiresApproval({ role: row.role, needsApproval: Boolean(row.needs_approval) }),
    mustChangePassword: Boolean(row.must_change_password),
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
    teamId: row.team_id ?? null,
    teamName: row.team_name ?? null,
    language: row.language ?? null,
    slaDueAt: iso(row.sla_due_at),
    slaState: row.sla_state ?? null,
    slaTarget: row.sla_due_at ? (row.sla_target ?? null) : null,
    slaAtRiskAt: iso(row.sla_at_risk_at),
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
    approval: toApprovalDto(row),
  };
}

/** A draft's approval state; null for replies that never needed approval. */
function toApprovalDto(row: Row): ApprovalDto | null {
  if (!row.approval_state) return null;
  return {
    state: row.approval_state,
    byUserId: row.approval_user_id ?? null,
    byName: row.approval_user_name ?? null,
    at: iso(row.approval_at),
    reason: row.approval_reason ?? null,
  };
}
