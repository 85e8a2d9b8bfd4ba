import type http from 'node:http';
import type { Knex } from 'knex';
import { Server } from 'socket.io';
import { REALTIME_EVENT, type RealtimeEvent } from '../../common/types';
import { readCookie, resolveSession, SESSION_COOKIE } from '../auth/sessions';
import type { Logger } from '../logger';

/** Every signed-in agent's socket joins this room; teams and per-conversation rooms come later. */
export const INBOX_ROOM = 'inbox';

/**
 * socket.io on the HTTP server, WebSocket-only (no long-polling), so several servers behind a load
 * balancer need no sticky sessions. Sockets authenticate with the session cookie.
 */
export function createRealtimeServer(httpServer: http.Server, deps: { db: Knex; logger: Logger }) {
  const io = new Server(httpServer, { transports: ['websocket'], serveClient: false });
  io.use(async (socket, next) => {
    try {
      const userId = await resolveSession(
        deps.db,
        readCookie(socket.handshake.headers.cookie, SESSION_COOKIE),
      );
      if (!userId) return next(new Error('unauthenticated'));
      socket.data.userId = userId;
      next();
    } catch (error) {
      deps.logger.warn({ err: error }, 'socket auth failed');
      next(new Error('unavailable'));
    }
  });
  io.on('connection', (socket) => {
    void socket.join(INBOX_ROOM);
  });
  return {
    io,
    /** Sends to this server's own sockets; every server listens to the same PostgreSQL channel. */
    broadcast(event: RealtimeEvent) {
      io.local.to(INBOX_ROOM).emit(REALTIME_EVENT, event);
    },
    connectedClients: () => io.engine.clientsCount,
  };
}
