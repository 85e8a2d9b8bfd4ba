import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** Environment of tests/helpers/workerProcess.ts (see there). */
export interface WorkerEnv {
  WORKER_DATABASE_URL: string;
  WORKER_QUEUE_PREFIX: string;
  WORKER_REDIS_URL?: string;
  WORKER_ENCRYPTION_KEY?: string;
  WORKER_X_API_BASE_URL?: string;
  WORKER_POLL_MS?: string;
  WORKER_SWEEP_MS?: string;
  WORKER_LOG_LEVEL?: string;
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  output: string[];
}

/**
 * N worker processes (the real workers, as `npm start` runs them) that a fault test can SIGKILL and
 * respawn. Run as `node --import tsx`, one process each: the tsx launcher would survive a SIGKILL of
 * itself and leave its child running. Keeps the tail of each process's output for failure messages.
 */
export class WorkerFleet {
  private readonly slots: Slot[] = [];
  spawned = 0;
  kills = 0;
  private stopping = false;
  /** Exits nobody asked for (crashes, restarted at once), with the tail of the process's output. */
  readonly crashes: string[] = [];
  private readonly expectedExits = new Set<ChildProcess>();

  constructor(private readonly env: WorkerEnv) {}

  private spawnOne(): Slot {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/workerProcess.ts'], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.spawned++;
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 50) output.shift();
    };
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        keep(chunk);
        if (chunk.toString().includes('ready')) resolve();
      });
      child.stderr?.on('data', keep);
      child.once('exit', (code, signal) =>
        reject(new Error(`worker exited (${code ?? signal}) before ready:\n${output.join('').slice(-2000)}`)),
      );
    });
    child.once('exit', (code, signal) => {
      if (this.expectedExits.has(child) || this.stopping) return;
      this.crashes.push(`pid ${child.pid} exited (${code ?? signal}):\n${output.join('').slice(-2000)}`);
      // Like a process manager: a worker that died by itself is started again.
      const index = this.slots.findIndex((s) => s.child === child);
      if (index >= 0) this.slots[index] = this.spawnOne();
    });
    // A worker killed before it was ready rejects this; only callers that await it care.
    ready.catch(() => undefined);
    return { child, ready, output };
  }

  /** Starts `n` workers and waits until all are ready. */
  async start(n: number): Promise<void> {
    for (let i = 0; i < n; i++) this.slots.push(this.spawnOne());
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** SIGKILLs worker `index` (random when omitted) and starts a replacement at once, without waiting. */
  async killAndRespawn(index = Math.floor(Math.random() * this.slots.length)): Promise<void> {
    const slot = this.slots[index];
    if (!slot) throw new Error(`no worker ${index}`);
    this.expectedExits.add(slot.child);
    // A worker that already died by itself is being replaced; a kill must hit a live process.
    if (slot.child.exitCode !== null || slot.child.signalCode !== null) return this.killAndRespawn();
    await killHard(slot.child);
    this.kills++;
    this.slots[index] = this.spawnOne();
  }

  /** Waits until every current worker is ready. */
  async allReady(): Promise<void> {
    // A slot whose worker crashed before it was ready holds a replacement by now: wait for that one.
    for (let attempt = 0; ; attempt++) {
      const results = await Promise.allSettled(this.slots.map((s) => s.ready));
      const failed = results.find((r) => r.status === 'rejected');
      if (!failed) return;
      if (attempt >= 5) throw failed.reason;
    }
  }

  /** The recent output of every worker, for failure messages. */
  logs(): string {
    return this.slots.map((s, i) => `--- worker ${i} (pid ${s.child.pid})\n${s.output.join('')}`).join('\n');
  }

  /** SIGTERM (clean shutdown), SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.slots.map(async ({ child }) => {
        this.expectedExits.add(child);
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
    this.slots.length = 0;
  }
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
