import type {
  ConversationDetail,
  ConversationSummary,
  MessageDto,
  ReplyOption,
} from '../../../../common/types';

/** Minimal valid DTOs for unit tests; override what the test is about. */
export function makeSummary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 'c1',
    platform: 'x',
    channelAccountId: 'acc1',
    accountHandle: 'acme_help',
    contact: {
      id: 'p1',
      platformUserId: '42',
      handle: 'jane',
      name: 'Jane Doe',
      avatarUrl: null,
      followersCount: null,
      verified: false,
    },
    status: 'open',
    priority: 'normal',
    assigneeId: null,
    assigneeName: null,
    snippet: 'My order has not arrived',
    firstInboundAt: '2026-01-01T10:00:00Z',
    lastInboundAt: '2026-01-01T10:00:00Z',
    lastOutboundAt: null,
    firstResponseAt: null,
    snoozedUntil: null,
    tags: [],
    teamId: null,
    teamName: null,
    language: null,
    slaDueAt: null,
    slaState: null,
    slaTarget: null,
    slaAtRiskAt: null,
    updatedAt: '2026-01-01T10:00:00Z',
    version: 1,
    ...overrides,
  };
}

export function makeMessage(overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: 'm1',
    conversationId: 'c1',
    direction: 'inbound',
    channel: 'public',
    text: '@acme_help My order has not arrived',
    media: [],
    entities: null,
    quoted: null,
    externalUrl: 'https://x.com/jane/status/1001',
    contextPost: null,
    moderation: { hidden: false, deleted: false },
    privateReply: false,
    externalId: '1001',
    inReplyToExternalId: null,
    authorName: 'Jane Doe',
    authorHandle: 'jane',
    authorUserId: null,
    platformCreatedAt: '2026-01-01T10:00:00Z',
    receivedAt: '2026-01-01T10:00:01Z',
    deliveryState: null,
    deliveryError: null,
    createdAt: '2026-01-01T10:00:01Z',
    ...overrides,
  };
}

export function makeDetail(
  messages: MessageDto[],
  overrides: Partial<ConversationSummary> = {},
  replyOptions: ReplyOption[] = [
    makeOption('public'),
    makeOption('dm', { maxLength: 10_000, weighted: false }),
  ],
): ConversationDetail {
  return { ...makeSummary(overrides), messages, replyOptions };
}

/** An allowed reply option with X's public limits unless overridden. */
export function makeOption(kind: ReplyOption['kind'], overrides: Partial<ReplyOption> = {}): ReplyOption {
  return { kind, allowed: true, reason: null, until: null, maxLength: 280, weighted: true, ...overrides };
}
