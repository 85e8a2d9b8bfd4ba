import {
  DEMO_CUSTOMERS,
  type DemoCustomer,
  type DemoTemplate,
  FOLLOW_UP_TEMPLATES,
  OPENING_TEMPLATES,
  PLACEHOLDER_VALUES,
  PLACES,
} from './templates';

export interface DemoTrafficOptions {
  /** Origin of the simulator, e.g. http://127.0.0.1:4010. */
  simulatorUrl: string;
  brandUsername: string;
  /** Mean pause between posts; each pause is drawn between half and one and a half times this. */
  intervalMs?: number;
  random?: () => number;
  log?: (msg: string) => void;
}

interface SimPostSummary {
  id: string;
  author: string;
  in_reply_to: string | null;
}

const DEFAULT_INTERVAL_MS = 4000;
const FOLLOW_UP_SHARE = 1 / 3;

/**
 * Posts customer traffic to the simulator's control API until stopped: new complaints, questions and
 * thanks, and about a third follow-ups in a thread the customer already has (answering the brand's reply
 * when there is one). Posts one at a time, so a slow simulator slows the traffic instead of piling it up.
 */
export function startDemoTraffic(opts: DemoTrafficOptions): { stop(): void } {
  const random = opts.random ?? Math.random;
  const interval = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
  const base = opts.simulatorUrl.replace(/\/+$/, '');
  const log = opts.log ?? (() => {});
  // Posts this generator made, by id, so a brand reply can be traced back to the customer it answers.
  const authorOf = new Map<string, DemoCustomer>();
  const lastPostOf = new Map<string, string>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const fill = (template: DemoTemplate): string => {
    const place = pick(PLACES);
    return template.text.replace(/\{(\w+)\}/g, (_m, key: string) => {
      if (key === 'brand') return opts.brandUsername;
      if (key === 'plz' || key === 'city') return place[key];
      return pick(PLACEHOLDER_VALUES[key] ?? [key]);
    });
  };

  const post = async (customer: DemoCustomer, text: string, inReplyTo: string | null): Promise<void> => {
    const res = await fetch(`${base}/_sim/x/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        author: {
          username: customer.username,
          name: customer.name,
          followers_count: customer.followers,
          verified: customer.verified ?? false,
        },
        text,
        ...(inReplyTo ? { in_reply_to: inReplyTo } : {}),
      }),
    });
    if (!res.ok) throw new Error(`simulator refused a demo post: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    authorOf.set(id, customer);
    lastPostOf.set(customer.username, id);
    log(`@${customer.username}${inReplyTo ? ` (reply to ${inReplyTo})` : ''}: ${text}`);
  };

  /** A brand reply to one of our posts, if any: answering it keeps the conversation going the natural way. */
  const findBrandReply = async (): Promise<{ customer: DemoCustomer; replyId: string } | null> => {
    const res = await fetch(`${base}/_sim/x/posts?author=${encodeURIComponent(opts.brandUsername)}`);
    if (!res.ok) return null;
    const { data } = (await res.json()) as { data: SimPostSummary[] };
    const answered = data.filter((p) => p.in_reply_to !== null && authorOf.has(p.in_reply_to));
    if (!answered.length) return null;
    const chosen = pick(answered.slice(0, 5));
    return { customer: authorOf.get(chosen.in_reply_to!)!, replyId: chosen.id };
  };

  const tick = async (): Promise<void> => {
    if (lastPostOf.size > 0 && random() < FOLLOW_UP_SHARE) {
      const brandReply = await findBrandReply();
      const customer = brandReply?.customer ?? pick([...lastPostOf.keys()].map(customerByName));
      const replyTo = brandReply?.replyId ?? lastPostOf.get(customer.username)!;
      const templates = FOLLOW_UP_TEMPLATES.filter((t) => t.lang === customer.lang);
      await post(customer, fill(pick(templates)), replyTo);
      return;
    }
    const customer = pick(DEMO_CUSTOMERS);
    const templates = OPENING_TEMPLATES.filter((t) => t.lang === customer.lang);
    await post(customer, fill(pick(templates)), null);
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, Math.round(interval * (0.5 + random())));
  };

  const run = () => {
    tick()
      .catch((err: unknown) => log(`demo traffic: ${err instanceof Error ? err.message : String(err)}`))
      .finally(schedule);
  };

  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function customerByName(username: string): DemoCustomer {
  return DEMO_CUSTOMERS.find((c) => c.username === username)!;
}
