import type { Socket } from 'socket.io-client';
import {
  type ConversationListResponse,
  PRESENCE_REPORT,
  type PresenceChangedEvent,
  type PresenceListResponse,
  type RealtimeEvent,
} from '../../common/types';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/** Issue 5, collision: who views and who types, live across tabs and users, gone when a tab closes. */
describe('presence', () => {
  let stack: Stack;
  let anna: string;
  let ben: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    anna = await stack.login('anna@demo.caredesk');
    ben = await stack.login('ben@demo.caredesk');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stack?.close();
  });

  const connect = async (cookie: string) => {
    const connection = await stack.connectSocket(cookie);
    sockets.push(connection.socket);
    return connection;
  };
  const presenceEvents = (events: RealtimeEvent[]) =>
    events.filter((e): e is PresenceChangedEvent => e.type === 'presence.changed').map((e) => e.presence);
  const snapshot = async (cookie: string) =>
    ((await stack.api(cookie, 'GET', '/api/presence')).body as PresenceListResponse).items;
  const newConversation = async (handle: string) => {
    await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} Hallo von ${handle}` });
    return waitFor(
      async () =>
        (
          (await stack.api(anna, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === handle),
      { what: `@${handle}` },
    );
  };

  it('announces viewing and typing to colleagues, lists them in the snapshot, and drops a closed tab', async () => {
    const conversation = await newConversation('presence_paula');
    const annaTab = await connect(anna);
    const benTab = await connect(ben);

    benTab.socket.emit(PRESENCE_REPORT, { conversationId: conversation.id, typing: false });
    const viewing = await waitFor(
      () => presenceEvents(annaTab.events).find((p) => p.tabId === benTab.socket.id && p.online),
      { what: "Ben's viewing reaches Anna" },
    );
    expect(viewing).toMatchObject({
      name: 'Ben Okafor',
      initials: 'BO',
      conversationId: conversation.id,
      typing: false,
    });
    expect((await snapshot(anna)).filter((p) => p.tabId === benTab.socket.id)).toEqual([
      expect.objectContaining({ conversationId: conversation.id, typing: false, online: true }),
    ]);

    // A heartbeat with nothing new is not announced again.
    const before = presenceEvents(annaTab.events).length;
    benTab.socket.emit(PRESENCE_REPORT, { conversationId: conversation.id, typing: false });
    benTab.socket.emit(PRESENCE_REPORT, { conversationId: conversation.id, typing: true });
    await waitFor(
      () => presenceEvents(annaTab.events).find((p) => p.typing && p.tabId === benTab.socket.id),
      {
        what: 'typing announced',
      },
    );
    expect(presenceEvents(annaTab.events).length).toBe(before + 1);
    expect((await snapshot(anna)).find((p) => p.tabId === benTab.socket.id)?.typing).toBe(true);

    const benId = viewing.userId;
    benTab.socket.disconnect();
    const gone = await waitFor(
      () => presenceEvents(annaTab.events).find((p) => p.userId === benId && !p.online),
      { what: 'closed tab announced' },
    );
    expect(gone.conversationId).toBe(conversation.id);
    expect((await snapshot(anna)).some((p) => p.userId === benId)).toBe(false);
  });

  it('drops malformed reports without breaking the connection', async () => {
    const annaTab = await connect(anna);
    const benTab = await connect(ben);
    benTab.socket.emit(PRESENCE_REPORT, { conversationId: 'not-a-uuid', typing: 'yes' });
    benTab.socket.emit(PRESENCE_REPORT, 'garbage');
    // An unknown conversation fails its foreign key: dropped too.
    benTab.socket.emit(PRESENCE_REPORT, {
      conversationId: '00000000-0000-4000-8000-000000000000',
      typing: false,
    });
    benTab.socket.emit(PRESENCE_REPORT, { conversationId: null, typing: false });
    const idle = await waitFor(
      () => presenceEvents(annaTab.events).find((p) => p.tabId === benTab.socket.id),
      { what: 'the valid report after the bad ones' },
    );
    expect(idle).toMatchObject({ conversationId: null, online: true });
    expect(presenceEvents(annaTab.events).filter((p) => p.tabId === benTab.socket.id)).toHaveLength(1);
    expect(benTab.socket.connected).toBe(true);
  });

  it('refuses the snapshot without a session', async () => {
    expect((await stack.api('', 'GET', '/api/presence')).status).toBe(401);
  });
});
