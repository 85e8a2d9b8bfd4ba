/** Direct messages of the X stand-in: one-to-one conversations only, so every event is a MessageCreate. */

export const DM_EVENT_TYPES = ['MessageCreate', 'ParticipantsJoin', 'ParticipantsLeave'] as const;
export type DmEventType = (typeof DM_EVENT_TYPES)[number];

export interface XDmEvent {
  id: string;
  eventType: DmEventType;
  text: string;
  senderId: string;
  /** `<lower user id>-<higher user id>` for one-to-one conversations. */
  conversationId: string;
  participantIds: [string, string];
  createdAt: number;
  mediaKeys: string[];
  /** Posts the text links to (x.com or twitter.com status URLs). */
  referencedPostIds: string[];
}

export interface NewDm {
  id: string;
  senderId: string;
  recipientId: string;
  text: string;
  createdAt: number;
  mediaKeys?: string[];
}

// UNCONFIRMED: that a status link in a DM becomes a referenced post; X's rule is not documented.
const STATUS_URL = /https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/\w{1,15}\/status\/(\d{1,19})/gi;

export function oneToOneConversationId(a: string, b: string): string {
  const [low, high] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
  return `${low}-${high}`;
}

export class DmStore {
  /** Ascending by id, which is also creation order. */
  private events: XDmEvent[] = [];

  create(input: NewDm): XDmEvent {
    const event: XDmEvent = {
      id: input.id,
      eventType: 'MessageCreate',
      text: input.text,
      senderId: input.senderId,
      conversationId: oneToOneConversationId(input.senderId, input.recipientId),
      participantIds: [input.senderId, input.recipientId],
      createdAt: input.createdAt,
      mediaKeys: input.mediaKeys ?? [],
      referencedPostIds: [...input.text.matchAll(STATUS_URL)].map((m) => m[1]!),
    };
    this.events.push(event);
    return event;
  }

  /** Events in conversations the user takes part in, newest first. */
  eventsOf(userId: string): XDmEvent[] {
    const out: XDmEvent[] = [];
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i]!;
      if (e.participantIds.includes(userId)) out.push(e);
    }
    return out;
  }

  /** Whether the two users have a conversation, i.e. whether either ever wrote to the other. */
  haveConversation(a: string, b: string): boolean {
    const id = oneToOneConversationId(a, b);
    return this.events.some((e) => e.conversationId === id);
  }

  count(): number {
    return this.events.length;
  }

  clear(): void {
    this.events = [];
  }
}
