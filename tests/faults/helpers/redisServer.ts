import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../../setup/services';

/**
 * A redis-server of the test's own (free port, no persistence), never the machine's shared one:
 * fault tests flush, kill and restart it. `stop()` belongs in afterAll.
 */
export interface OwnRedis {
  url: string;
  port: number;
  /** FLUSHALL, SIGKILL the server, stay down for `downMs`, then start an empty one on the same port. */
  flushKillRestart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(
        new Error(`redis-server exited (${code ?? signal}) before it was ready: ${output.slice(-1000)}`),
      ),
    );
  });
}

async function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child = await spawnRedis(port);
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    port,
    async flushKillRestart(downMs = 2000) {
      const client = new Redis(url, { maxRetriesPerRequest: 1 });
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
      await killAndWait(child, 'SIGKILL');
      await new Promise((r) => setTimeout(r, downMs));
      child = await spawnRedis(port);
    },
    async stop() {
      await killAndWait(child, 'SIGKILL');
    },
  };
}
