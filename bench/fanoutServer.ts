/**
 * The web server of the fan-out benchmark, in its own process so its CPU time can be read from
 * /proc/<pid>/stat: the real startWeb (express, socket.io, the PostgreSQL event listener). Started by
 * bench/fanout.ts with `fork`; tells its port over IPC and stops on a "stop" message.
 */
import { createDb } from '../server/db/knex';
import { startBenchWeb } from './benchWeb';

const url = process.argv[2];
if (!url) throw new Error('usage: fanoutServer.ts <database url>');
const db = createDb({ url, poolMax: 4 });
const web = await startBenchWeb({ db, databaseUrl: url });
process.send?.({ type: 'listening', port: web.port });

/** The sockets have gone; their presence clean-ups (one delete each) finish before the pool closes. */
async function presenceCleared(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const row = await db('agent_presence').count<{ count: number }>('* as count').first();
    if (Number(row?.count ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
process.on('message', (message: { type?: string }) => {
  if (message.type === 'clients') {
    process.send?.({ type: 'clients', count: web.connectedClients() });
    return;
  }
  if (message.type !== 'stop') return;
  web
    .close()
    .then(() => presenceCleared())
    .then(() => db.destroy())
    .finally(() => process.exit(0));
});
