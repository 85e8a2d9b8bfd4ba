import http from 'node:http';
import { type ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';
import type { SimulatorOptions } from './options';
import { type RunningSimulator, startSimulator } from './server';

/**
 * For tests: a simulator on a free port and the real twitter-api-v2 client wired to it exactly as
 * reference section 1 says the adapter must be (a URL-rewrite plugin plus an http.Agent).
 */
export async function startSimulatorWithClient(options: SimulatorOptions = {}): Promise<{
  sim: RunningSimulator;
  client: TwitterApi;
  close(): Promise<void>;
}> {
  const sim = await startSimulator({ port: 0, ...options });
  const rewrite: ITwitterApiClientPlugin = {
    onBeforeRequestConfig({ params }) {
      params.url = params.url.replace(/^https:\/\/api\.x\.com/, sim.url);
    },
    onBeforeStreamRequestConfig({ params }) {
      params.url = params.url.replace(/^https:\/\/api\.x\.com/, sim.url);
    },
  };
  const agent = new http.Agent({ keepAlive: true });
  const client = new TwitterApi('sim-x-token', { plugins: [rewrite], httpAgent: agent });
  return {
    sim,
    client,
    async close() {
      agent.destroy();
      await sim.close();
    },
  };
}

/** POSTs JSON to a control endpoint and returns the parsed answer, failing loudly on anything but 2xx. */
export async function control<T = { id: string }>(
  sim: RunningSimulator,
  path: string,
  body: unknown,
): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} refused: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
