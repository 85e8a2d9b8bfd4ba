import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry and every metric Caredesk exports. Event metrics (HTTP,
 * jobs, channel API calls, ingest lag) are recorded where they happen; state metrics (queue depths,
 * rate budgets, poll lag, sockets) are computed at scrape time by the collectors registered with
 * `addScrapeSource` (see collectors.ts), so they cost nothing between scrapes.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];

/** Labelled by the route pattern (`/api/conversations/:id`), never the raw URL: ids would explode the series. */
export const httpRequestDuration = new Histogram({
  name: 'caredesk_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const jobDuration = new Histogram({
  name: 'caredesk_job_duration_seconds',
  help: 'Duration of queue jobs by queue and outcome (completed, failed, delayed)',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers,
});

export const jobFailures = new Counter({
  name: 'caredesk_job_failures_total',
  help: 'Failed job attempts by queue; final="true" when no attempt is left',
  labelNames: ['queue', 'final'] as const,
  registers,
});

export const channelApiCalls = new Counter({
  name: 'caredesk_channel_api_calls_total',
  help: 'Calls to the platform APIs by platform, account (handle), endpoint and status (HTTP code, 2xx, network, malformed)',
  labelNames: ['platform', 'account', 'endpoint', 'status'] as const,
  registers,
});

export const ingestLag = new Histogram({
  name: 'caredesk_ingest_lag_seconds',
  help: 'From the platform creation time of an inbound item to its commit as a message',
  labelNames: ['platform'] as const,
  buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 900, 3600],
  registers,
});

export const scrapeErrors = new Counter({
  name: 'caredesk_metrics_collector_errors_total',
  help: 'Scrape-time collectors that failed or timed out (their gauges keep their last values)',
  labelNames: ['collector'] as const,
  registers,
});

/** What a scrape-time gauge reads from; one source per web or worker process. */
export interface ScrapeSource {
  collect(): Promise<void>;
}

const sources = new Map<string, ScrapeSource>();
const SCRAPE_TIMEOUT_MS = 2000;

/**
 * Registers a collector run at each scrape (bounded by a timeout: a dead Redis must not hang
 * `/metrics`). Returns a function that removes it again (tests start several stacks).
 */
export function addScrapeSource(name: string, source: ScrapeSource): () => void {
  sources.set(name, source);
  return () => {
    if (sources.get(name) === source) sources.delete(name);
  };
}

async function runSources(): Promise<void> {
  await Promise.all(
    [...sources.entries()].map(async ([name, source]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          source.collect(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('timeout')), SCRAPE_TIMEOUT_MS);
          }),
        ]);
      } catch {
        scrapeErrors.inc({ collector: name });
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

/** The registry in Prometheus text format, after the scrape-time collectors have run. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  await runSources();
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/** Gauges filled by the collectors; reset before each fill so vanished series disappear. */
export const queueJobs = new Gauge({
  name: 'caredesk_queue_jobs',
  help: 'Jobs per queue and state (waiting, active, delayed, prioritized, failed)',
  labelNames: ['queue', 'state'] as const,
  registers,
});

export const queueOldestWaitingAge = new Gauge({
  name: 'caredesk_queue_oldest_waiting_age_seconds',
  help: 'Age of the oldest waiting job per queue (0 when none waits)',
  labelNames: ['queue'] as const,
  registers,
});

export const channelRateLimitRemaining = new Gauge({
  name: 'caredesk_channel_rate_limit_remaining',
  help: 'Remaining calls in the current rate-limit window, per account and endpoint (last headers seen)',
  labelNames: ['platform', 'account', 'endpoint'] as const,
  registers,
});

export const channelRateLimitLimit = new Gauge({
  name: 'caredesk_channel_rate_limit_limit',
  help: 'Size of the rate-limit window, per account and endpoint (last headers seen)',
  labelNames: ['platform', 'account', 'endpoint'] as const,
  registers,
});

export const channelPollLag = new Gauge({
  name: 'caredesk_channel_poll_lag_seconds',
  help: 'Seconds since the last successful poll of each active channel account',
  labelNames: ['platform', 'account', 'status'] as const,
  registers,
});

export const socketClients = new Gauge({
  name: 'caredesk_socket_clients',
  help: 'socket.io clients connected to this process',
  registers,
});
