import { io, type Socket } from 'socket.io-client';
import { type ConversationListResponse, REALTIME_EVENT, type RealtimeEvent } from '../../../common/types';

/** What an agent's screen shows of one conversation. */
export interface ConversationSnapshot {
  version: number;
  status: string;
  assigneeId: string | null;
  priority: string;
}
export type InboxState = Record<string, ConversationSnapshot>;

const snapshot = (c: ConversationSnapshot): ConversationSnapshot => ({
  version: c.version,
  status: c.status,
  assigneeId: c.assigneeId,
  priority: c.priority,
});

/** Every conversation the user can see, read over HTTP from `baseUrl`. */
export async function readInbox(baseUrl: string, cookie: string): Promise<InboxState> {
  const state: InboxState = {};
  let cursor: string | null = null;
  do {
    const url: string = `${baseUrl}/api/conversations?status=all&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(5000) });
    if (res.status !== 200) throw new Error(`list answered ${res.status}`);
    const page = (await res.json()) as ConversationListResponse;
    for (const c of page.items) state[c.id] = snapshot(c);
    cursor = page.nextCursor;
  } while (cursor);
  return state;
}

/**
 * A client that keeps its own copy of the inbox the way the web client does (client/src/realtime/
 * useRealtime.ts): each conversation event refetches what it names, every (re)connect refetches
 * everything, failed fetches leave the copy stale. Socket settings are the web client's.
 */
export class MirrorClient {
  state: InboxState = {};
  connects = 0;
  readonly events: RealtimeEvent[] = [];
  private readonly socket: Socket;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
  ) {
    this.socket = io(baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
    });
    this.socket.on('connect', () => {
      this.connects += 1;
      this.serially(async () => {
        this.state = await readInbox(this.baseUrl, this.cookie);
      });
    });
    this.socket.on(REALTIME_EVENT, (event: RealtimeEvent) => {
      this.events.push(event);
      const id = 'conversationId' in event ? event.conversationId : undefined;
      if (typeof id === 'string') this.serially(() => this.refetchOne(id));
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** The copy, once every fetch started so far has finished. */
  async current(): Promise<InboxState> {
    await this.chain;
    return this.state;
  }

  close(): void {
    this.socket.disconnect();
  }

  private async refetchOne(id: string): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/conversations/${id}`, {
      headers: { cookie: this.cookie },
      signal: AbortSignal.timeout(5000),
    });
    if (res.status === 404) {
      delete this.state[id];
      return;
    }
    if (res.status !== 200) throw new Error(`detail answered ${res.status}`);
    const { conversation } = (await res.json()) as { conversation: ConversationSnapshot & { id: string } };
    this.state[conversation.id] = snapshot(conversation);
  }

  // One fetch at a time, in event order, so an older answer never overwrites a newer one. A fetch that
  // fails (network down) is dropped, as react-query leaves the stale data on screen.
  private serially(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch(() => undefined);
  }
}
