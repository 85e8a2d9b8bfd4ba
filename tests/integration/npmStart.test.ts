import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

function postgresPidsFor(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dataDir}`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * `npm start` as a newcomer runs it: no DATABASE_URL, no Redis, no X credentials. It must become
 * healthy with embedded PostgreSQL, the simulator and demo traffic, print the demo logins, ingest
 * traffic, and stop cleanly on Ctrl-C (SIGINT) without leaving a postgres process behind.
 */
describe('npm start on a bare configuration', () => {
  let child: ChildProcess | null = null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'caredesk-start-'));
  // As root the embedded server runs as the postgres user, which must be able to enter the folder.
  fs.chmodSync(tmp, 0o755);
  const dataDir = path.join(tmp, 'data');

  afterAll(() => {
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('starts everything, serves /healthz and /readyz and the client, ingests demo traffic, and stops on SIGINT', async () => {
    const [port, simPort, pgPort] = [await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      SIMULATOR_PORT: String(simPort),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      DEMO_TRAFFIC_INTERVAL_MS: '300',
      POLL_INTERVAL_MS: '1000',
      LOG_LEVEL: 'info',
    };
    let output = '';
    child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    while (!output.includes('Caredesk is running')) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`npm start did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output).toContain('anna@demo.caredesk');
    expect(output).toContain('caredesk-demo');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({
      status: 'ok',
      checks: { database: true, queue: true },
    });
    if (fs.existsSync(path.join(root, 'client/dist/index.html'))) {
      const html = await (await fetch(`${base}/`)).text();
      expect(html).toContain('<div id="root">');
    }
    expect(postgresPidsFor(dataDir).length).toBeGreaterThan(0);

    // Demo traffic arrives in the inbox through the simulator and the poller.
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caredesk-request': '1' },
      body: JSON.stringify({ email: 'anna@demo.caredesk', password: 'caredesk-demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    let count = 0;
    while (count === 0 && Date.now() < deadline) {
      const list = (await (
        await fetch(`${base}/api/conversations?status=all`, { headers: { cookie } })
      ).json()) as {
        items: unknown[];
      };
      count = list.items.length;
      if (count === 0) await new Promise((r) => setTimeout(r, 300));
    }
    expect(count).toBeGreaterThan(0);
    // Facebook traffic too: comments and Messenger messages on the simulated page.
    let facebook = 0;
    while (facebook === 0 && Date.now() < deadline) {
      const list = (await (
        await fetch(`${base}/api/conversations?status=all&limit=200`, { headers: { cookie } })
      ).json()) as {
        items: Array<{ platform: string }>;
      };
      facebook = list.items.filter((c) => c.platform === 'facebook').length;
      if (facebook === 0) await new Promise((r) => setTimeout(r, 300));
    }
    expect(facebook).toBeGreaterThan(0);

    // Ctrl-C in a terminal signals the whole process group.
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(postgresPidsFor(dataDir)).toEqual([]);
  });
});
