import express from 'express';
import request from 'supertest';
import { graphEndpointLabel, xFailureStatus } from './channelApi';
import { collectQueueMetrics } from './collectors';
import { requestIdOf } from './httpObservability';
import { observeIngestLag } from './ingestLag';
import {
  addScrapeSource,
  ingestLag,
  queueJobs,
  queueOldestWaitingAge,
  renderMetrics,
  scrapeErrors,
} from './metrics';
import { metricsAuthorized, startMetricsServer } from './metricsEndpoint';
import { routePatternOf } from './routePatterns';

const gaugeValue = async (
  metric: { get(): Promise<{ values: Array<{ labels: object; value: number }> }> },
  labels: object,
) => (await metric.get()).values.find((v) => JSON.stringify(v.labels) === JSON.stringify(labels))?.value;

describe('metrics registry', () => {
  it('renders the default process metrics and every Caredesk family in Prometheus text format', async () => {
    const { contentType, body } = await renderMetrics();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
      'caredesk_http_request_duration_seconds',
      'caredesk_job_duration_seconds',
      'caredesk_job_failures_total',
      'caredesk_channel_api_calls_total',
      'caredesk_ingest_lag_seconds',
      'caredesk_queue_jobs',
      'caredesk_queue_oldest_waiting_age_seconds',
      'caredesk_channel_rate_limit_remaining',
      'caredesk_channel_poll_lag_seconds',
      'caredesk_socket_clients',
    ]) {
      expect(body).toContain(`# TYPE ${name} `);
    }
  });

  it('runs scrape sources at each scrape, survives a hanging one, and forgets removed ones', async () => {
    let runs = 0;
    const remove = addScrapeSource('unit-counting', { collect: async () => void runs++ });
    const removeHanging = addScrapeSource('unit-hanging', { collect: () => new Promise(() => {}) });
    const before = (await gaugeValue(scrapeErrors, { collector: 'unit-hanging' })) ?? 0;
    const started = Date.now();
    await renderMetrics();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(runs).toBe(1);
    expect(await gaugeValue(scrapeErrors, { collector: 'unit-hanging' })).toBe(before + 1);
    remove();
    removeHanging();
    await renderMetrics();
    expect(runs).toBe(1);
  });

  it('reads queue depths and the oldest waiting job from the Queue API', async () => {
    const now = 1_000_000;
    const fakeQueue = (name: string) => ({
      getJobCounts: async () => ({
        waiting: name === 'ingest' ? 7 : 0,
        active: 1,
        delayed: 2,
        prioritized: 0,
        failed: 3,
      }),
      getJobs: async () => (name === 'ingest' ? [{ timestamp: now - 4500 }] : []),
    });
    const remove = collectQueueMetrics({ queue: fakeQueue as never }, () => now);
    try {
      await renderMetrics();
      expect(await gaugeValue(queueJobs, { queue: 'ingest', state: 'waiting' })).toBe(7);
      expect(await gaugeValue(queueJobs, { queue: 'outbound', state: 'failed' })).toBe(3);
      expect(await gaugeValue(queueOldestWaitingAge, { queue: 'ingest' })).toBe(4.5);
      expect(await gaugeValue(queueOldestWaitingAge, { queue: 'poll' })).toBe(0);
    } finally {
      remove();
    }
  });

  it('observes ingest lag from the platform time, clamping a future time to zero', async () => {
    const count = async () =>
      (await ingestLag.get()).values.find(
        (v) => v.metricName === 'caredesk_ingest_lag_seconds_count' && v.labels.platform === 'x',
      )?.value ?? 0;
    const sum = async () =>
      (await ingestLag.get()).values.find(
        (v) => v.metricName === 'caredesk_ingest_lag_seconds_sum' && v.labels.platform === 'x',
      )?.value ?? 0;
    const [c0, s0] = [await count(), await sum()];
    observeIngestLag('x', '2026-01-01T00:00:03.000Z', Date.parse('2026-01-01T00:00:05.500Z'));
    observeIngestLag('x', '2026-01-01T00:00:09.000Z', Date.parse('2026-01-01T00:00:05.500Z'));
    observeIngestLag('x', 'not a date', Date.parse('2026-01-01T00:00:05.500Z'));
    expect((await count()) - c0).toBe(2);
    expect((await sum()) - s0).toBeCloseTo(2.5);
  });
});

describe('metrics endpoint', () => {
  it('requires the Bearer token only when one is configured', () => {
    expect(metricsAuthorized(undefined, undefined)).toBe(true);
    expect(metricsAuthorized(undefined, 's3cret')).toBe(false);
    expect(metricsAuthorized('Bearer wrong!', 's3cret')).toBe(false);
    expect(metricsAuthorized('Basic s3cret', 's3cret')).toBe(false);
    expect(metricsAuthorized('Bearer s3cret', 's3cret')).toBe(true);
  });

  it('startMetricsServer serves /metrics (token enforced) and nothing else', async () => {
    const server = await startMetricsServer({ port: 0, host: '127.0.0.1', token: 'worker-token' });
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
      const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer worker-token' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await ok.text()).toContain('caredesk_job_duration_seconds');
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/other`)).status).toBe(404);
      expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});

describe('labels', () => {
  it('labels a request by its route pattern, never by the raw URL', async () => {
    const app = express();
    const api = express.Router();
    const conversations = express.Router();
    conversations.get('/counts', (_req, res) => void res.end());
    conversations.get('/:id', (_req, res) => void res.end());
    api.use('/conversations', conversations);
    app.use('/api', api);
    const sub = express();
    sub.get('/api/queues/:name', (_req, res) => void res.end());
    app.use('/admin/queues', sub);
    await request(app).get('/api/conversations/counts');
    const id = '2f0c5a57-4a3b-4d54-9c3f-2b2b0d0e8a11';
    expect(routePatternOf(app, 'GET', `/api/conversations/${id}`)).toBe('/api/conversations/:id');
    expect(routePatternOf(app, 'GET', '/api/conversations/counts')).toBe('/api/conversations/counts');
    expect(routePatternOf(app, 'HEAD', '/api/conversations/counts')).toBe('/api/conversations/counts');
    expect(routePatternOf(app, 'POST', `/api/conversations/${id}`)).toBe('unmatched');
    expect(routePatternOf(app, 'GET', '/admin/queues/api/queues/outbound')).toBe('/admin/queues/*');
    expect(routePatternOf(app, 'GET', `/nothing/${id}`)).toBe('unmatched');
  });

  it('keeps a well-formed incoming request id and replaces anything else', () => {
    expect(requestIdOf('req-42.a:b_c')).toBe('req-42.a:b_c');
    for (const bad of [undefined, '', 'with space', 'x\ninjected', 'a'.repeat(129), ['a', 'b']]) {
      expect(requestIdOf(bad as never)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('labels Graph calls without ids and X failures by HTTP code or network', () => {
    expect(graphEndpointLabel('GET', new URL('http://sim/v25.0/123_456/comments?after=x'))).toBe(
      'GET /:id/comments',
    );
    expect(graphEndpointLabel('GET', new URL('http://sim/v25.0/me'))).toBe('GET /me');
    expect(xFailureStatus({ code: 429 })).toBe('429');
    expect(xFailureStatus({ code: 'ECONNRESET' })).toBe('network');
    expect(xFailureStatus(new Error('timeout'))).toBe('network');
  });
});
