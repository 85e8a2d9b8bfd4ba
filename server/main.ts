import { DEFAULT_BEARER_TOKEN } from '../simulator/options';
import { startSimulator } from '../simulator/server';
import { seedDemoCannedResponses } from './runtime/cannedResponses';
import { channelConfig, connectChannels } from './runtime/channels';
import { coreFromEnv } from './runtime/coreFromEnv';
import { resolveDatabase } from './runtime/database';
import { startDemo } from './runtime/demo';
import { loadSecretBox } from './runtime/encryptionKey';
import { exitOnFatal, runGuarded, startProcess } from './runtime/process';
import { migrateOnStart } from './runtime/schema';
import { type DemoLogin, ensureFirstAdmin, seedDemoUsers } from './runtime/users';
import { startWebFromEnv } from './runtime/webFromEnv';
import { startWorkersFromEnv } from './runtime/workersFromEnv';

/**
 * `npm start`: everything in one process. PostgreSQL (embedded unless DATABASE_URL), migrations,
 * workers, web server with the built client, and, without channel credentials, the simulator with
 * demo traffic.
 */
async function main() {
  const startedAt = Date.now();
  const rt = startProcess('all-in-one');
  const { env, log, shutdown } = rt;

  const database = await resolveDatabase(env, rt.logger);
  shutdown.defer('postgres', () => database.stop());
  await runGuarded(rt, async () => {
    const secretBox = loadSecretBox(env, rt.logger);

    let simulator: Awaited<ReturnType<typeof startSimulator>> | null = null;
    if (env.demo) {
      simulator = await startSimulator({ port: env.SIMULATOR_PORT });
      shutdown.defer('simulator', () => simulator?.close());
    }
    const channels = channelConfig(env, simulator?.url ?? null, DEFAULT_BEARER_TOKEN);
    const core = coreFromEnv(rt, {
      databaseUrl: database.url,
      secretBox,
      channels,
      simulatorUrl: simulator?.url ?? null,
    });
    await migrateOnStart(core.db, log);

    await connectChannels(core, channels, log);
    const logins: DemoLogin[] = env.demo
      ? await seedDemoUsers(core.db)
      : [await ensureFirstAdmin(core.db, env.ADMIN_EMAIL)].filter((l): l is DemoLogin => l !== null);

    if (env.demo) await seedDemoCannedResponses(core.db);
    await startWorkersFromEnv(rt, core);
    const web = await startWebFromEnv(rt, core, { channels, secretBox });

    if (simulator) {
      const demo = await startDemo({
        simulator,
        webUrl: web.url,
        facebook: channels.facebook,
        intervalMs: env.DEMO_TRAFFIC_INTERVAL_MS,
        log,
      });
      shutdown.defer('demo traffic', () => demo.stop());
    }
    printBanner({
      url: web.url,
      logins,
      demo: env.demo,
      simulatorUrl: simulator?.url,
      ms: Date.now() - startedAt,
    });
  });
}

function printBanner(b: {
  url: string;
  logins: DemoLogin[];
  demo: boolean;
  simulatorUrl?: string | undefined;
  ms: number;
}) {
  const lines = [
    '',
    `  Caredesk is running at ${b.url}  (ready in ${(b.ms / 1000).toFixed(1)} s)`,
    b.demo
      ? `  Demo mode: simulated X traffic from ${b.simulatorUrl} — connect real accounts with the X_* settings`
      : '',
    ...(b.logins.length > 0 ? ['', '  Log in with:'] : []),
    ...b.logins.map((l) => `    ${l.email.padEnd(24)} ${l.password.padEnd(16)} ${l.name} (${l.role})`),
    '',
    '  Ctrl-C stops everything.',
    '',
  ];
  console.info(lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n'));
}

// Before the logger exists (bad configuration) or outside the guarded start-up: say it plainly.
main().catch(exitOnFatal);
