import http from 'node:http';

export interface TokenRouter {
  url: string;
  /** Where requests whose bearer token is not routed go (set once the default simulator runs). */
  fallback: string;
  close(): Promise<void>;
}

/**
 * An HTTP forwarder in front of several X simulators: each simulator plays one brand account, and the
 * product reaches all of them at one X API base URL, as it reaches api.x.com. Requests are routed by
 * their bearer token.
 */
export async function startTokenRouter(routes: Record<string, string>): Promise<TokenRouter> {
  const router: TokenRouter = { url: '', fallback: '', close: async () => undefined };
  const server = http.createServer((req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const target = new URL(req.url ?? '/', routes[token] ?? router.fallback);
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  router.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  router.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return router;
}
