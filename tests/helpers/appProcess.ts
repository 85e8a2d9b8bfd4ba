import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The split entry points, as `npm run start:server` and `npm run start:worker` run them. */
const ENTRY = { server: 'server/webMain.ts', worker: 'workers/main.ts' } as const;
const READY = { server: 'web server ready', worker: 'workers ready' } as const;

export interface AppProcess {
  kind: keyof typeof ENTRY;
  child: ChildProcess;
  /** http://127.0.0.1:PORT for a server. */
  url: string;
  /** The last 64 KB of stdout and stderr, for failure messages. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Sends a signal and waits for the exit; returns the code and how long it took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
  /** SIGKILL to the whole process group (tsx and the entry point), if still running. */
  kill(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/**
 * Starts a web server or a worker as its own OS process through its real entry point, with the given
 * environment on top of a minimal one, and waits until it logs that it is ready.
 */
export async function startAppProcess(
  kind: keyof typeof ENTRY,
  env: Record<string, string>,
  opts: { timeoutMs?: number } = {},
): Promise<AppProcess> {
  const port = kind === 'server' ? await freePort() : 0;
  // As the npm scripts run them: one node process with tsx's loader, so a signal reaches the entry
  // point itself (the tsx CLI relays signals through a 30 ms handshake and SIGKILLs on a miss).
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY[kind]], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DEMO_MODE: 'off',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Several workers on one machine: each takes a free port for its /metrics.
      WORKER_METRICS_PORT: '0',
      DATABASE_POOL_MAX: '3',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so kill() also ends anything it started.
    detached: true,
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-65_536);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  while (!output.includes(READY[kind])) {
    if (child.exitCode !== null || Date.now() > deadline) {
      killGroup(child);
      throw new Error(`${kind} did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    kind,
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      const started = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
    kill: () => killGroup(child),
  };
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
