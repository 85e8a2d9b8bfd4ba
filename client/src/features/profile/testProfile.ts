import type { ContactConversationDto, ContactProfileResponse } from '../../../../common/types';

export function makeContactConversation(
  overrides: Partial<ContactConversationDto> = {},
): ContactConversationDto {
  return {
    id: 'c1',
    platform: 'x',
    channelAccountId: 'acc1',
    accountHandle: 'acme_help',
    status: 'open',
    outcome: 'open',
    createdAt: '2026-01-05T10:00:00Z',
    resolvedAt: null,
    firstResponseMs: null,
    messageCounts: { inbound: 1, outbound: 0, notes: 0 },
    snippet: 'My order has not arrived',
    assigneeId: null,
    assigneeName: null,
    tags: [],
    updatedAt: '2026-01-05T10:00:00Z',
    ...overrides,
  };
}

/** Jane with a current open conversation and an older resolved one. */
export function makeProfile(overrides: Partial<ContactProfileResponse> = {}): ContactProfileResponse {
  return {
    contact: {
      id: 'p1',
      platform: 'x',
      platformUserId: '42',
      handle: 'jane',
      name: 'Jane Doe',
      avatarUrl: null,
      followersCount: 12_345,
      verified: true,
      profileUrl: 'https://x.com/jane',
      firstSeenAt: '2025-12-01T09:00:00Z',
    },
    conversations: [
      makeContactConversation(),
      makeContactConversation({
        id: 'c0',
        status: 'resolved',
        outcome: 'resolved',
        createdAt: '2025-12-01T09:00:00Z',
        resolvedAt: '2025-12-01T11:00:00Z',
        firstResponseMs: 12 * 60_000,
        messageCounts: { inbound: 2, outbound: 1, notes: 1 },
        snippet: 'Router blinks red',
        assigneeId: 'u1',
        assigneeName: 'Anna Berger',
        tags: ['router'],
      }),
    ],
    totalConversations: 2,
    ...overrides,
  };
}
