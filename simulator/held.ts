import type { Socket } from 'node:net';

/**
 * Requests a `timeout` fault never answers. They are tracked so that closing the server
 * can drop them instead of waiting for the hold to run out.
 */
export class HeldRequests {
  private readonly held = new Map<Socket, NodeJS.Timeout>();

  hold(socket: Socket, ms: number): void {
    const timer = setTimeout(() => this.drop(socket), ms);
    // A held request must not keep a test process or a stopping server alive.
    timer.unref();
    this.held.set(socket, timer);
    socket.once('close', () => {
      clearTimeout(timer);
      this.held.delete(socket);
    });
  }

  get size(): number {
    return this.held.size;
  }

  dropAll(): void {
    for (const socket of [...this.held.keys()]) this.drop(socket);
  }

  private drop(socket: Socket): void {
    clearTimeout(this.held.get(socket));
    this.held.delete(socket);
    socket.destroy();
  }
}
