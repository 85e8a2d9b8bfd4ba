import { startFacebookDemoTraffic } from '../../simulator/demo/facebookTraffic';
import { startDemoTraffic } from '../../simulator/demo/traffic';
import type { RunningSimulator } from '../../simulator/server';
import type { Logger } from '../logger';
import type { FacebookConfig } from './channels';

/**
 * Demo mode: the simulator posts realistic customer traffic (X mentions and, on the Facebook page,
 * comments and Messenger messages), and delivers Facebook webhooks to this server like Meta would.
 */
export async function startDemo(o: {
  simulator: RunningSimulator;
  webUrl: string;
  facebook: FacebookConfig | null;
  intervalMs: number;
  log: Logger;
}): Promise<{ stop(): void }> {
  const stops: Array<() => void> = [];
  const x = startDemoTraffic({
    simulatorUrl: o.simulator.url,
    brandUsername: o.simulator.state.brand.username,
    intervalMs: o.intervalMs,
    log: (msg) => o.log.debug(msg),
  });
  stops.push(() => x.stop());
  if (o.facebook?.appSecret && o.facebook.verifyToken) {
    const res = await fetch(`${o.simulator.url}/_sim/facebook/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `${o.webUrl}/webhooks/facebook`,
        app_secret: o.facebook.appSecret,
        verify_token: o.facebook.verifyToken,
      }),
    });
    if (!res.ok)
      o.log.warn(
        { status: res.status, body: await res.text() },
        'demo: could not subscribe to simulated Facebook webhooks',
      );
    const fb = startFacebookDemoTraffic({
      simulatorUrl: o.simulator.url,
      intervalMs: o.intervalMs * 2,
      log: (msg: string) => o.log.debug(msg),
    });
    stops.push(() => fb.stop());
  }
  return {
    stop: () => {
      for (const s of stops) s();
    },
  };
}
