import type http from 'node:http';
import type { Knex } from 'knex';
import { Server } from 'socket.io';
import { REALTIME_EVENT, type RealtimeEvent } from '../../common/types';
import type { SessionStore } from '../auth/sessionStore';
import { readCookie, resolveSession, SESSION_COOKIE, sessionStoreOf } from '../auth/sessions';
import { visibleAccounts } from '../db/repositories/accountVisibility';
import { getUser } from '../db/repositories/users';
import type { Logger } from '../logger';
import { conversationOf, type RoutedEvent } from './bus';
import { handlePresence } from './presence';

/** Every signed-in user's socket joins this room: events tied to no channel account go here. */
export const INBOX_ROOM = 'inbox';

/** Leads and admins (who see every channel account) join this room: every account's events reach it. */
export const ALL_ACCOUNTS_ROOM = 'accounts:all';

/** Each socket also joins its user's room: events addressed to one user (notifications) go only there. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Agents and guides join one room per channel account they may see (their teams' and team-less ones). */
export function accountRoom(channelAccountId: string): string {
  return `account:${channelAccountId}`;
}

/**
 * Where an event goes: to its addressee alone; a channel account's event to that account's room and
 * to leads and admins; a conversation whose account is unknown only to leads and admins; the rest to
 * everyone.
 */
export function roomsFor(event: RoutedEvent): string[] {
  switch (event.type) {
    case 'notification.created':
    case 'notification.read':
      return [userRoom(event.userId)];
    case 'account.updated':
      return [accountRoom(event.channelAccountId), ALL_ACCOUNTS_ROOM];
    default:
      if (event.channelAccountId) return [accountRoom(event.channelAccountId), ALL_ACCOUNTS_ROOM];
      return conversationOf(event) === null ? [INBOX_ROOM] : [ALL_ACCOUNTS_ROOM];
  }
}

/**
 * socket.io on the HTTP server, WebSocket-only (no long-polling), so several servers behind a load
 * balancer need no sticky sessions. Sockets authenticate with the session cookie.
 */
export function createRealtimeServer(
  httpServer: http.Server,
  deps: {
    db: Knex;
    logger: Logger;
    sessionIdleMs?: number | undefined;
    sessionStore?: SessionStore | undefined;
  },
) {
  const store = sessionStoreOf(deps);
  const io = new Server(httpServer, { transports: ['websocket'], serveClient: false });
  io.use(async (socket, next) => {
    try {
      const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
      const userId = await resolveSession(store, token, deps.sessionIdleMs);
      if (!userId) return next(new Error('unauthenticated'));
      // A temporary password (admin reset) opens nothing until it is changed, live events included.
      if ((await getUser(deps.db, userId))?.must_change_password)
        return next(new Error('password_change_required'));
      socket.data.userId = userId;
      // Rooms are decided at connection: a change of teams takes effect on the next (re)connect.
      const accounts = await visibleAccounts(deps.db, userId);
      socket.data.rooms = accounts.all ? [ALL_ACCOUNTS_ROOM] : accounts.ids.map(accountRoom);
      socket.data.sessionToken = token;
      next();
    } catch (error) {
      deps.logger.warn({ err: error }, 'socket auth failed');
      next(new Error('unavailable'));
    }
  });
  io.on('connection', (socket) => {
    const userId = socket.data.userId as string;
    void socket.join([INBOX_ROOM, userRoom(userId), ...(socket.data.rooms as string[])]);
    handlePresence(socket, deps);
  });
  return {
    io,
    /** Sends to this server's own sockets; every server listens to the same PostgreSQL channel. */
    broadcast(event: RealtimeEvent) {
      io.local.to(roomsFor(event)).emit(REALTIME_EVENT, event);
    },
    connectedClients: () => io.engine.clientsCount,
    /** Disconnects this server's sockets of the user whose session is no longer valid. */
    async revalidateUser(userId: string) {
      const sockets = await io.local.in(userRoom(userId)).fetchSockets();
      for (const socket of sockets) {
        const token = socket.data.sessionToken as string | undefined;
        if ((await resolveSession(store, token, deps.sessionIdleMs)) !== userId) socket.disconnect(true);
      }
    },
  };
}
