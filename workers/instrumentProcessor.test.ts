import { DelayedError, type Job } from 'bullmq';
import { createLogger } from '../server/logger';
import { jobDuration, jobFailures } from '../server/observability/metrics';
import { instrumentProcessor, payloadIds } from './instrumentProcessor';
import type { WorkerContext } from './processors/context';

/** The value of one series (by metric line name and labels) of a counter or histogram. */
async function value(
  metric: typeof jobFailures | typeof jobDuration,
  name: string,
  labels: Record<string, string>,
) {
  const { values } = (await metric.get()) as {
    values: Array<{ metricName?: string; labels: Record<string, string | number>; value: number }>;
  };
  const hit = values.find(
    (v) => (v.metricName ?? name) === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l),
  );
  return hit?.value ?? 0;
}

function context(lines: string[]): WorkerContext {
  const logger = createLogger('info', {}, { write: (l: string) => void lines.push(l) });
  return { logger } as unknown as WorkerContext;
}

const job = (over: Partial<Job>) =>
  ({ id: 'out-m1', data: { messageId: 'm1' }, attemptsMade: 0, opts: { attempts: 2 }, ...over }) as Job;

describe('instrumentProcessor', () => {
  it('binds queue, job id and payload ids to every log line of the job', async () => {
    const lines: string[] = [];
    const run = instrumentProcessor('unit_a', context(lines), (ctx) => async () => {
      ctx.logger.info('working');
    });
    await run(job({}), 'token');
    const line = JSON.parse(lines.find((l) => l.includes('working')) ?? '{}');
    expect(line).toMatchObject({ queue: 'unit_a', jobId: 'out-m1', messageId: 'm1', category: 'job' });
    expect(
      await value(jobDuration, 'caredesk_job_duration_seconds_count', {
        queue: 'unit_a',
        outcome: 'completed',
      }),
    ).toBe(1);
  });

  it('counts failures per queue with the final flag, and a rate-limit delay as no failure', async () => {
    const lines: string[] = [];
    const failing = instrumentProcessor('unit_b', context(lines), () => async () => {
      throw new Error('platform down');
    });
    await expect(failing(job({ attemptsMade: 0 }))).rejects.toThrow('platform down');
    await expect(failing(job({ attemptsMade: 1 }))).rejects.toThrow('platform down');
    expect(await value(jobFailures, 'caredesk_job_failures_total', { queue: 'unit_b', final: 'false' })).toBe(
      1,
    );
    expect(await value(jobFailures, 'caredesk_job_failures_total', { queue: 'unit_b', final: 'true' })).toBe(
      1,
    );

    const delayed = instrumentProcessor('unit_c', context(lines), () => async () => {
      throw new DelayedError();
    });
    await expect(delayed(job({}))).rejects.toBeInstanceOf(DelayedError);
    expect(await value(jobFailures, 'caredesk_job_failures_total', { queue: 'unit_c' })).toBe(0);
    expect(
      await value(jobDuration, 'caredesk_job_duration_seconds_count', {
        queue: 'unit_c',
        outcome: 'delayed',
      }),
    ).toBe(1);
  });

  it('takes only id fields of the payload', () => {
    expect(
      payloadIds({ channelAccountId: 'a', inboundItemId: 42, task: 'sweep', nested: { userId: 'x' } }),
    ).toEqual({
      channelAccountId: 'a',
      inboundItemId: '42',
    });
    expect(payloadIds(null)).toEqual({});
  });
});
