import {
  createPostgresBackend,
  type JobsOptions,
  type Processor,
  Queue,
  Worker,
  type WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { JobPayloads, QueueName } from './jobs';

/** How often and how fast failed jobs are retried. Configurable so tests need not wait a minute. */
export interface RetryPolicy {
  outboundAttempts: number;
  outboundBackoffMs: number;
}
export const DEFAULT_RETRY_POLICY: RetryPolicy = { outboundAttempts: 6, outboundBackoffMs: 2000 };

export type QueueBackendConfig = (
  | { kind: 'redis'; redisUrl: string; prefix: string }
  | { kind: 'postgres'; databaseUrl: string; prefix: string }
) & {
  retry?: RetryPolicy;
  /** Connection errors of the producer side (queues); without it BullMQ prints them with console.error. */
  onQueueError?: (error: Error, queue: string) => void;
};

type WorkerOpts = Omit<WorkerOptions, 'connection'>;

/** The queues of one process, on Redis or on BullMQ's PostgreSQL backend. */
export interface QueueSet {
  readonly kind: QueueBackendConfig['kind'];
  readonly retry: RetryPolicy;
  queue<N extends QueueName>(name: N): Queue<JobPayloads[N]>;
  add<N extends QueueName>(name: N, data: JobPayloads[N], opts?: JobsOptions): Promise<void>;
  worker<N extends QueueName>(
    name: N,
    processor: Processor<JobPayloads[N]>,
    opts?: WorkerOpts,
  ): Worker<JobPayloads[N]>;
  /** Resolves when the backend answers; throws otherwise (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Completed jobs are removed so a sweeper may enqueue the same id again after a loss. */
const DEFAULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/**
 * pg-pool takes its error listener off a client while it is checked out; when PostgreSQL goes away under
 * a query, pg then emits 'error' with no listener, which throws and kills the process (seen when the
 * fault suite restarts PostgreSQL). The query itself is rejected either way, and BullMQ retries it.
 */
class GuardedPgClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export function createQueueSet(config: QueueBackendConfig): QueueSet {
  const queues = new Map<QueueName, Queue>();
  const workers: Worker[] = [];
  let make: {
    queue(name: string): Queue;
    worker(name: string, p: Processor, o: WorkerOpts): Worker;
  };
  let redis: Redis | null = null;
  // BullMQ does not close connections it was given; these are ours to close.
  const ownedConnections: Redis[] = [];

  if (config.kind === 'redis') {
    // Workers need maxRetriesPerRequest: null (blocking commands); one shared connection for producers.
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    const conn = redis;
    make = {
      queue: (name) =>
        new Queue(name, { connection: conn, prefix: config.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
      worker: (name, p, o) => {
        const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
        ownedConnections.push(connection);
        return new Worker(name, p, { ...o, prefix: config.prefix, connection });
      },
    };
  } else {
    const connection = {
      connectionString: config.databaseUrl,
      schema: `${config.prefix}_queue`,
      migrate: true,
      max: 4,
      Client: GuardedPgClient,
    };
    make = {
      // The queue API is the same on both backends; only the generic backend parameter differs.
      queue: (name) =>
        new Queue(
          name,
          { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS },
          createPostgresBackend,
        ) as unknown as Queue,
      worker: (name, p, o) =>
        new Worker(name, p, { ...o, connection }, createPostgresBackend) as unknown as Worker,
    };
  }

  const set: QueueSet = {
    kind: config.kind,
    retry: config.retry ?? DEFAULT_RETRY_POLICY,
    queue<N extends QueueName>(name: N) {
      let q = queues.get(name);
      if (!q) {
        q = make.queue(name);
        const onError = config.onQueueError;
        if (onError) q.on('error', (error: Error) => onError(error, name));
        queues.set(name, q);
      }
      return q as Queue<JobPayloads[N]>;
    },
    async add(name, data, opts) {
      // biome-ignore lint/suspicious/noExplicitAny: name/data pairing is enforced by the signature.
      await (set.queue(name) as Queue<any>).add(name, data, opts);
    },
    worker(name, processor, opts = {}) {
      const w = make.worker(name, processor as Processor, opts);
      workers.push(w);
      return w as unknown as Worker<JobPayloads[typeof name]>;
    },
    async ping() {
      if (redis) {
        await redis.ping();
        return;
      }
      await set.queue('maintenance').getJobCounts('waiting');
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
      for (const c of ownedConnections) c.disconnect();
      if (redis) redis.disconnect();
    },
  };
  return set;
}
