import { withStartupLock } from './db/migrate';
import { channelConfig, connectChannels } from './runtime/channels';
import { coreFromEnv } from './runtime/coreFromEnv';
import { loadSecretBox } from './runtime/encryptionKey';
import { exitOnFatal, requireDatabaseUrl, runGuarded, startProcess } from './runtime/process';
import { migrateOnStart } from './runtime/schema';
import { ensureFirstAdmin } from './runtime/users';
import { startWebFromEnv } from './runtime/webFromEnv';

/**
 * `npm run start:server`: one web server (HTTP API, built client, socket.io), no workers, no
 * simulator. Run several behind a load balancer against one PostgreSQL (DATABASE_URL, required)
 * and one Redis (REDIS_URL: queues, sessions, socket.io adapter). It migrates at start, under a
 * lock, and connects the channel accounts configured in the environment.
 */
async function main() {
  const rt = startProcess('server');
  const { env, log } = rt;
  const databaseUrl = requireDatabaseUrl(env, 'server');
  await runGuarded(rt, async () => {
    const secretBox = loadSecretBox(env, rt.logger);
    const channels = channelConfig(env, null, '');
    const core = coreFromEnv(rt, { databaseUrl, secretBox, channels, simulatorUrl: null });
    await migrateOnStart(core.db, log);
    await connectChannels(core, channels, log);
    // Under the start-up lock: of several servers starting at once, only one creates the admin.
    const admin = await withStartupLock(core.db, () => ensureFirstAdmin(core.db, env.ADMIN_EMAIL));
    if (admin) console.info(`First admin: ${admin.email} with password ${admin.password} (change it)`);
    const web = await startWebFromEnv(rt, core, { channels, secretBox });
    // Without REDIS_URL, queues and sessions live in PostgreSQL and realtime still reaches every server.
    log.info({ url: web.url, backend: core.queues.kind }, 'web server ready');
  });
}

main().catch(exitOnFatal);
