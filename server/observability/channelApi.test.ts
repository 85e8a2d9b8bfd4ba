import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { GraphApi } from '../channels/facebook/graph';
import { XApi } from '../channels/twitter/api';
import { createXClient } from '../channels/twitter/client';
import { channelApiCalls } from './metrics';

/** Counts of `caredesk_channel_api_calls_total` for one account, by "endpoint status". */
async function callsOf(account: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const v of (await channelApiCalls.get()).values) {
    if (v.labels.account === account) out[`${v.labels.endpoint} ${v.labels.status}`] = v.value;
  }
  return out;
}

describe('channel API call metric at the Graph HTTP layer', () => {
  let server: http.Server;
  let base = '';
  const answers: Array<{ status: number; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      const next = answers.shift() ?? { status: 500, body: '{}' };
      res.writeHead(next.status, { 'content-type': 'application/json' }).end(next.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('counts successes, platform errors, malformed bodies and network failures, with ids out of the label', async () => {
    const api = (baseUrl: string) =>
      new GraphApi({
        baseUrl,
        version: 'v25.0',
        pageToken: 'unit-page-token',
        timeoutMs: 2000,
        now: Date.now,
        accountLabel: 'Unit Page',
      });
    const schema = z.object({ id: z.string() });
    answers.push(
      { status: 200, body: '{"id":"1"}' },
      { status: 429, body: '{"error":{"message":"limit","type":"OAuthException","code":4}}' },
      { status: 200, body: '{not json' },
      { status: 200, body: '{"unexpected":true}' },
    );
    await api(base).get('1234_5678/comments', {}, schema);
    await expect(api(base).get('1234_5678/comments', {}, schema)).rejects.toThrow();
    await expect(api(base).get('me', {}, schema)).rejects.toThrow();
    await expect(api(base).post('1234_5678/comments', { message: 'x' }, schema)).rejects.toThrow();
    await expect(api('http://127.0.0.1:1').get('me', {}, schema)).rejects.toThrow();

    expect(await callsOf('Unit Page')).toEqual({
      'GET /:id/comments 200': 1,
      'GET /:id/comments 429': 1,
      'GET /me malformed': 1,
      'POST /:id/comments malformed': 1,
      'GET /me network': 1,
    });
  });
});

describe('channel API call metric at the X HTTP layer', () => {
  let server: http.Server;
  let base = '';
  const answers: Array<{ status: number; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      const next = answers.shift() ?? { status: 500, body: '{}' };
      res
        .writeHead(next.status, {
          'content-type': 'application/json',
          'x-rate-limit-limit': '450',
          'x-rate-limit-remaining': next.status === 429 ? '0' : '449',
          'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
        })
        .end(next.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('labels by the endpoint pattern and the HTTP status, 2xx for success and malformed for a bad body', async () => {
    const api = new XApi(
      createXClient({ kind: 'oauth2', accessToken: 'unit-token' }, base, 2000),
      2000,
      Date.now,
      'unit_x',
    );
    const schema = z.object({ data: z.array(z.object({ id: z.string() })) });
    answers.push(
      { status: 200, body: '{"data":[{"id":"1"}]}' },
      {
        status: 429,
        body: '{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}',
      },
      {
        status: 503,
        body: '{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}',
      },
      { status: 200, body: '{"data":"nope"}' },
      { status: 200, body: '{"data":[{"id"' },
    );
    const endpoint = 'GET /2/users/:id/mentions';
    await api.get(endpoint, 'users/42/mentions', {}, schema);
    await expect(api.get(endpoint, 'users/42/mentions', {}, schema)).rejects.toThrow();
    await expect(api.get(endpoint, 'users/42/mentions', {}, schema)).rejects.toThrow();
    await expect(api.get(endpoint, 'users/42/mentions', {}, schema)).rejects.toThrow();
    await expect(api.get(endpoint, 'users/42/mentions', {}, schema)).rejects.toThrow();
    expect(await callsOf('unit_x')).toEqual({
      'GET /2/users/:id/mentions 2xx': 1,
      'GET /2/users/:id/mentions 429': 1,
      'GET /2/users/:id/mentions 503': 1,
      'GET /2/users/:id/mentions malformed': 2,
    });
  });
});
