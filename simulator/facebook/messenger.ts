import { messengerMessageId } from './format';

/** Messenger conversations between the Page and one person each, and the messaging windows. */

export type MessagingType = 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG';

export interface FbMessage {
  id: string;
  seq: number;
  conversationId: string;
  psid: string;
  fromPage: boolean;
  text: string;
  createdAt: number;
  messagingType: MessagingType | null;
  tag: string | null;
  /** The comment a private reply answered. */
  privateReplyTo: string | null;
}

export interface FbConversation {
  id: string;
  seq: number;
  psid: string;
  /** Oldest first. */
  messages: FbMessage[];
  updatedAt: number;
  /** The person's latest message: windows are counted from here; null until the person writes. */
  lastCustomerMessageAt: number | null;
}

export interface NewMessage {
  psid: string;
  fromPage: boolean;
  text: string;
  createdAt: number;
  messagingType?: MessagingType | null;
  tag?: string | null;
  privateReplyTo?: string | null;
}

/** The tags Messenger still accepts; only HUMAN_AGENT is bound to the 7-day window here. */
export const MESSAGE_TAGS = [
  'HUMAN_AGENT',
  'ACCOUNT_UPDATE',
  'CONFIRMED_EVENT_UPDATE',
  'POST_PURCHASE_UPDATE',
] as const;

export class MessengerStore {
  private conversations = new Map<string, FbConversation>();
  private byPsid = new Map<string, FbConversation>();
  private messages = new Map<string, FbMessage>();
  private seq = 0;
  private nextConversationNumber = 3100000000000000n;

  /** Adds a message, opening the person's conversation on their first message. */
  add(input: NewMessage): { message: FbMessage; conversation: FbConversation } {
    const conversation = this.byPsid.get(input.psid) ?? this.open(input.psid);
    const message: FbMessage = {
      id: messengerMessageId(),
      seq: ++this.seq,
      conversationId: conversation.id,
      psid: input.psid,
      fromPage: input.fromPage,
      text: input.text,
      createdAt: input.createdAt,
      messagingType: input.messagingType ?? null,
      tag: input.tag ?? null,
      privateReplyTo: input.privateReplyTo ?? null,
    };
    conversation.messages.push(message);
    conversation.messages.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
    conversation.updatedAt = Math.max(conversation.updatedAt, message.createdAt);
    if (!message.fromPage) {
      conversation.lastCustomerMessageAt = Math.max(
        conversation.lastCustomerMessageAt ?? 0,
        message.createdAt,
      );
    }
    this.messages.set(message.id, message);
    return { message, conversation };
  }

  conversation(id: string): FbConversation | undefined {
    return this.conversations.get(id);
  }

  conversationOf(psid: string): FbConversation | undefined {
    return this.byPsid.get(psid);
  }

  message(id: string): FbMessage | undefined {
    return this.messages.get(id);
  }

  /** Newest activity first. */
  allConversations(): FbConversation[] {
    return [...this.conversations.values()].sort((a, b) => b.updatedAt - a.updatedAt || b.seq - a.seq);
  }

  count(): number {
    return this.messages.size;
  }

  clear(): void {
    this.conversations.clear();
    this.byPsid.clear();
    this.messages.clear();
  }

  private open(psid: string): FbConversation {
    this.nextConversationNumber += 1n;
    const conversation: FbConversation = {
      id: `t_${this.nextConversationNumber}`,
      seq: ++this.seq,
      psid,
      messages: [],
      updatedAt: 0,
      lastCustomerMessageAt: null,
    };
    this.conversations.set(conversation.id, conversation);
    this.byPsid.set(psid, conversation);
    return conversation;
  }
}

/**
 * Whether the Page may send now: RESPONSE and UPDATE within the standard window after the person's last
 * message, HUMAN_AGENT within its longer one. A private reply opens no window; only the person's answer does.
 * UNCONFIRMED: the other tags are let through whenever the person has ever written.
 */
export function windowOpen(
  conversation: FbConversation | undefined,
  type: MessagingType,
  tag: string | null,
  now: number,
  windows: { standardMs: number; humanAgentMs: number },
): boolean {
  const last = conversation?.lastCustomerMessageAt ?? null;
  if (last === null) return false;
  if (type !== 'MESSAGE_TAG') return now - last <= windows.standardMs;
  if (tag === 'HUMAN_AGENT') return now - last <= windows.humanAgentMs;
  return true;
}
