import type { ConversationListResponse } from '../../common/types';
import { simPost } from '../helpers/sim';
import { type QueueBackendKind, type Stack, startStack, waitFor } from '../helpers/stack';
import { testEnv } from '../helpers/testEnv';

/**
 * Issue 8 point 6: /metrics after real traffic (a mention ingested through the simulator, a reply
 * sent), METRICS_TOKEN, request ids in responses and logs, job ids in job logs, and the admins'
 * queue dashboard (bull-board) by role, on the PostgreSQL and (when available) the Redis backend.
 */
const TOKEN = 'obs-metrics-token-4711';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text format -> samples (enough of the format for what prom-client writes). */
function parseMetrics(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m?.[1] || !m[3]) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1] ?? ''] = l[2] ?? '';
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const total = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  find(samples, name, labels).reduce((n, s) => n + s.value, 0);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

const redisUrl = testEnv().redisUrl;
const backends: Array<[QueueBackendKind, string | null]> = [
  ['postgres', null],
  ...(redisUrl ? [['redis', redisUrl] as [QueueBackendKind, string]] : []),
];

describe.each(backends)('observability (%s queue backend)', (queue, url) => {
  let stack: Stack;
  const logLines: string[] = [];
  let admin = '';
  let replyMessageId = '';

  beforeAll(async () => {
    stack = await startStack({
      queue,
      redisUrl: url,
      pollEveryMs: 500,
      metricsToken: TOKEN,
      logSink: { level: 'info', write: (line: string) => void logLines.push(line) },
    });
    admin = await stack.login('admin@demo.caredesk');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const scrape = async () => {
    const res = await fetch(`${stack.web.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    return parseMetrics(await res.text());
  };

  it('exposes every metric family with route patterns and account labels after a mention and a reply', async () => {
    // The registry is per process and both backends run in this one: compare against a baseline.
    const before = await scrape();
    const grown = (samples: Sample[], name: string, labels: Record<string, string>) =>
      total(samples, name, labels) - total(before, name, labels);
    await stack.connectSocket(admin);
    const handle = `obs_${queue.slice(0, 5)}`;
    await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} Wo bleibt mein Paket?` });
    const conversation = await waitFor(
      async () =>
        (
          (await stack.api(admin, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === handle),
      { what: 'the mention as a conversation' },
    );
    const reply = await stack.api(admin, 'POST', `/api/conversations/${conversation.id}/replies`, {
      text: 'Wir schauen sofort nach.',
      idempotencyKey: `obs-reply-${queue}-0001`,
    });
    expect(reply.status).toBe(202);
    replyMessageId = reply.body.message.id;
    await waitFor(
      async () => {
        const detail = await stack.api(admin, 'GET', `/api/conversations/${conversation.id}`);
        return detail.body.conversation.messages.some(
          (m: { id: string; deliveryState?: string }) =>
            m.id === replyMessageId && m.deliveryState === 'sent',
        );
      },
      { what: 'the reply sent' },
    );

    const samples = await waitFor(
      async () => {
        const s = await scrape();
        // The outbound job's duration is recorded just after "sent" is committed.
        return grown(s, 'caredesk_job_duration_seconds_count', { queue: 'outbound', outcome: 'completed' }) >=
          1
          ? s
          : null;
      },
      { what: 'the outbound job in the metrics' },
    );
    const brand = stack.brand.username;

    // HTTP latency by route pattern: the conversation id is never a label.
    expect(
      grown(samples, 'caredesk_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/conversations/:id',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      grown(samples, 'caredesk_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/conversations/:id/replies',
        status: '202',
      }),
    ).toBe(1);
    expect(samples.filter((s) => UUID.test(JSON.stringify(s.labels)))).toEqual([]);

    // Jobs: durations per queue and outcome; failures counter present.
    for (const q of ['poll', 'ingest', 'outbound']) {
      expect(
        grown(samples, 'caredesk_job_duration_seconds_count', { queue: q, outcome: 'completed' }),
      ).toBeGreaterThanOrEqual(1);
    }
    expect(await fetchText('/metrics')).toContain('# TYPE caredesk_job_failures_total counter');

    // Channel API calls per platform, account, endpoint and status; the rate budget from the headers.
    expect(
      grown(samples, 'caredesk_channel_api_calls_total', {
        platform: 'x',
        account: brand,
        endpoint: 'GET /2/users/:id/mentions',
        status: '2xx',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      grown(samples, 'caredesk_channel_api_calls_total', {
        platform: 'x',
        account: brand,
        endpoint: 'POST /2/tweets',
        status: '2xx',
      }),
    ).toBe(1);
    const budget = find(samples, 'caredesk_channel_rate_limit_remaining', {
      platform: 'x',
      account: brand,
      endpoint: 'GET /2/users/:id/mentions',
    });
    expect(budget).toHaveLength(1);
    expect(budget[0]?.value).toBeGreaterThan(0);
    expect(find(samples, 'caredesk_channel_rate_limit_limit', { account: brand }).length).toBeGreaterThan(0);

    // Ingest lag (platform created_at -> committed) and poll lag per account.
    expect(grown(samples, 'caredesk_ingest_lag_seconds_count', { platform: 'x' })).toBeGreaterThanOrEqual(1);
    const pollLag = find(samples, 'caredesk_channel_poll_lag_seconds', { platform: 'x', account: brand });
    expect(pollLag).toHaveLength(1);
    expect(pollLag[0]?.value).toBeLessThan(60);

    // Queue depths and oldest waiting age, per queue, read from the backend at scrape time.
    for (const q of ['poll', 'ingest', 'outbound', 'maintenance', 'assignment']) {
      expect(find(samples, 'caredesk_queue_jobs', { queue: q })).toHaveLength(5);
      expect(find(samples, 'caredesk_queue_oldest_waiting_age_seconds', { queue: q })).toHaveLength(1);
    }
    expect(
      total(samples, 'caredesk_queue_jobs', { queue: 'maintenance', state: 'delayed' }),
    ).toBeGreaterThanOrEqual(1);

    // Sockets and the default process metrics.
    expect(total(samples, 'caredesk_socket_clients')).toBeGreaterThanOrEqual(1);
    expect(find(samples, 'process_cpu_user_seconds_total')).toHaveLength(1);
    expect(find(samples, 'nodejs_heap_size_used_bytes')).toHaveLength(1);
  });

  const fetchText = async (path: string) =>
    (await fetch(`${stack.web.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();

  it('refuses /metrics without the METRICS_TOKEN or with a wrong one', async () => {
    const none = await fetch(`${stack.web.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain('caredesk_');
    const wrong = await fetch(`${stack.web.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const session = await fetch(`${stack.web.url}/metrics`, { headers: { cookie: admin } });
    expect(session.status).toBe(401);
  });

  it('echoes an incoming X-Request-Id, makes one otherwise, and logs it with the route pattern', async () => {
    const res = await fetch(`${stack.web.url}/api/me`, {
      headers: { cookie: admin, 'x-request-id': `obs-req-${queue}-42` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(`obs-req-${queue}-42`);
    const generated = await fetch(`${stack.web.url}/api/me`, {
      headers: { cookie: admin, 'x-request-id': 'bad id\twith tab' },
    });
    const id = generated.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const logged = await waitFor(
      () =>
        logLines
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .filter((l) => l.requestId === `obs-req-${queue}-42` || l.requestId === id),
      { what: 'the request log lines' },
    );
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ category: 'http', req: { method: 'GET', route: '/api/me' } });
    expect(logged[0]?.res).toEqual({ statusCode: 200 });
    // No cookie, no Authorization header, no session token in any log line.
    const sessionToken = admin.split('=')[1] ?? '';
    const text = logLines.join('');
    expect(sessionToken.length).toBeGreaterThan(10);
    expect(text).not.toContain(sessionToken);
    expect(text).not.toContain(TOKEN);
  });

  it('binds queue, job id and payload ids to the logs of a job', () => {
    const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const sent = lines.find((l) => l.msg === 'reply sent' && l.messageId === replyMessageId);
    expect(sent).toMatchObject({ category: 'job', queue: 'outbound', messageId: replyMessageId });
    expect(String(sent?.jobId)).toContain(replyMessageId);
  });

  it('shows the queue dashboard to admins only, under a narrow CSP, with CSRF-checked actions', async () => {
    const lead = await stack.login('lea@demo.caredesk');
    const agent = await stack.login('anna@demo.caredesk');
    const page = (cookie: string, path = '/admin/queues') =>
      fetch(`${stack.web.url}${path}`, { headers: cookie ? { cookie } : {} });

    expect((await page('')).status).toBe(401);
    expect((await page(agent)).status).toBe(403);
    expect((await page(lead)).status).toBe(403);
    expect((await page(lead, '/admin/queues/api/queues')).status).toBe(403);

    const html = await page(admin);
    expect(html.status).toBe(200);
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    const body = await html.text();
    expect(body).toContain('<base href="/admin/queues/"');
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(body)?.[1];
    expect(script).toBeTruthy();
    expect((await page(admin, `/admin/queues/${script}`)).status).toBe(200);
    expect((await page(agent, `/admin/queues/${script}`)).status).toBe(403);

    const list = await page(admin, '/admin/queues/api/queues');
    const listed = { status: list.status, body: (await list.json()) as { queues: Array<{ name: string }> } };
    // The body names the cause when it fails (e.g. a shared PostgreSQL out of connections).
    expect(listed.status === 200 ? 'ok' : JSON.stringify(listed.body)).toBe('ok');
    const queues = listed.body.queues.map((q) => q.name);
    expect(queues.sort()).toEqual(['assignment', 'ingest', 'maintenance', 'outbound', 'poll']);

    // A write without our CSRF header and without a same-site Origin is refused; the UI's is not.
    const clean = (headers: Record<string, string>) =>
      fetch(`${stack.web.url}/admin/queues/api/queues/outbound/clean/failed`, {
        method: 'PUT',
        headers: { cookie: admin, ...headers },
      });
    expect((await clean({})).status).toBe(403);
    expect((await clean({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await clean({ origin: stack.web.url })).status).toBeLessThan(300);
    const asAgent = await fetch(`${stack.web.url}/admin/queues/api/queues/outbound/clean/failed`, {
      method: 'PUT',
      headers: { cookie: agent, origin: stack.web.url },
    });
    expect(asAgent.status).toBe(403);
  });
});
