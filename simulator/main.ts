import { pino } from 'pino';
import { startFacebookDemoTraffic } from './demo/facebookTraffic';
import { startDemoTraffic } from './demo/traffic';
import { startSimulator } from './server';

/**
 * Standalone simulator: `npx tsx simulator/main.ts`.
 * SIMULATOR_PORT (default 4010); SIMULATOR_DEMO_TRAFFIC=1 also posts demo customer traffic (X and Facebook).
 * Being an entry point, this file reads process.env itself.
 */
const logger = pino({ name: 'simulator' });

async function main(): Promise<void> {
  const port = Number(process.env.SIMULATOR_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    logger.error({ port: process.env.SIMULATOR_PORT }, 'SIMULATOR_PORT must be a port number');
    process.exit(1);
  }
  const sim = await startSimulator({ port });
  logger.info(
    { url: sim.url, brand: sim.state.brand.username, facebookPage: sim.facebook.page.id },
    `X API and Graph API simulator listening on ${sim.url}`,
  );

  const demo =
    process.env.SIMULATOR_DEMO_TRAFFIC === '1'
      ? [
          startDemoTraffic({
            simulatorUrl: sim.url,
            brandUsername: sim.state.brand.username,
            log: (msg) => logger.info({ category: 'demo' }, msg),
          }),
          startFacebookDemoTraffic({
            simulatorUrl: sim.url,
            log: (msg) => logger.info({ category: 'demo-facebook' }, msg),
          }),
        ]
      : [];

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'simulator stopping');
    for (const traffic of demo) traffic.stop();
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'simulator did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  logger.error({ err }, 'simulator failed to start');
  process.exit(1);
});
