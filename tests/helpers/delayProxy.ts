import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DelayProxy {
  url: string;
  /** Where requests go; may be set after the proxy started. */
  target: string;
  /** Delayed requests received so far, and those still held. */
  delayed: { received: number; inFlight: number };
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/**
 * An HTTP forwarder that holds the requests `shouldDelay` picks for `delayMs` before passing them on,
 * so a platform call can be slow (in flight at a precise moment) without a switch in the product.
 */
export async function startDelayProxy(opts: {
  delayMs: number;
  shouldDelay: (method: string, path: string) => boolean;
}): Promise<DelayProxy> {
  const proxy: DelayProxy = {
    url: '',
    target: '',
    delayed: { received: 0, inFlight: 0 },
    close: async () => {},
  };
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const method = req.method ?? 'GET';
      const delay = opts.shouldDelay(method, req.url ?? '/');
      if (delay) {
        proxy.delayed.received++;
        proxy.delayed.inFlight++;
        await new Promise((r) => setTimeout(r, opts.delayMs));
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (!HOP_HEADERS.has(name) && typeof value === 'string') headers[name] = value;
      }
      const upstream = await fetch(`${proxy.target}${req.url}`, {
        method,
        headers,
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (delay) proxy.delayed.inFlight--;
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!HOP_HEADERS.has(name) && name !== 'content-encoding') out[name] = value;
      });
      res.writeHead(upstream.status, out).end(body);
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
