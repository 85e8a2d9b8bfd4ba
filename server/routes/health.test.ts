import express from 'express';
import type { Knex } from 'knex';
import request from 'supertest';
import { healthRouter } from './health';

function app(db: { raw: () => Promise<unknown> }, pingQueue: () => Promise<void>) {
  return express().use(healthRouter({ db: db as unknown as Knex, pingQueue }));
}

describe('health endpoints', () => {
  const ok = { raw: () => Promise.resolve({}) };
  const down = { raw: () => Promise.reject(new Error('connection refused')) };

  it('GET /healthz is 200 {"status":"ok"} whatever the dependencies say', async () => {
    const res = await request(app(down, () => Promise.reject(new Error('x')))).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 only when the database and the queue answer', async () => {
    expect((await request(app(ok, () => Promise.resolve())).get('/readyz')).status).toBe(200);
    const noDb = await request(app(down, () => Promise.resolve())).get('/readyz');
    expect(noDb.status).toBe(503);
    expect(noDb.body.checks).toEqual({ database: false, queue: true });
    const noQueue = await request(app(ok, () => Promise.reject(new Error('redis down')))).get('/readyz');
    expect(noQueue.status).toBe(503);
    expect(noQueue.body.checks).toEqual({ database: true, queue: false });
  });

  it('GET /readyz is 503 once shutdown has begun, although the dependencies still answer', async () => {
    let shuttingDown = false;
    const server = express().use(
      healthRouter({
        db: ok as unknown as Knex,
        pingQueue: () => Promise.resolve(),
        isShuttingDown: () => shuttingDown,
      }),
    );
    expect((await request(server).get('/readyz')).status).toBe(200);
    shuttingDown = true;
    const res = await request(server).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('shutting_down');
    expect((await request(server).get('/healthz')).status).toBe(200);
  });
});
