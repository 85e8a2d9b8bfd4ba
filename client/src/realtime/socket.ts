import { io, type Socket } from 'socket.io-client';

/**
 * Opens the realtime connection. WebSocket only, because the server runs several instances without
 * sticky sessions and long-polling would land its requests on different ones. The session cookie
 * authenticates the handshake, so nothing else is sent.
 */
export function connectRealtime(): Socket {
  return io({
    path: '/socket.io',
    transports: ['websocket'],
    withCredentials: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
}
