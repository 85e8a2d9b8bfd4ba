import {
  DEMO_CUSTOMERS,
  type DemoCustomer,
  type DemoTemplate,
  FOLLOW_UP_TEMPLATES,
  OPENING_TEMPLATES,
  PLACEHOLDER_VALUES,
  PLACES,
} from './templates';

export interface FacebookDemoTrafficOptions {
  /** Origin of the simulator, e.g. http://127.0.0.1:4010. */
  simulatorUrl: string;
  /** Mean pause between actions; each pause is drawn between half and one and a half times this. */
  intervalMs?: number;
  random?: () => number;
  log?: (msg: string) => void;
}

/** The Page's own posts the customers comment on, each with the topics its comments are about. */
export const FACEBOOK_DEMO_POSTS: ReadonlyArray<{
  message: string;
  topics: ReadonlyArray<DemoTemplate['topic']>;
}> = [
  {
    message:
      'Wartungsarbeiten heute Nacht: Zwischen 1 und 5 Uhr kann es in Teilen von Berlin und Hamburg zu kurzen Unterbrechungen bei Internet und Festnetz kommen. Wir bitten um Verständnis.',
    topics: ['outage', 'router', 'angry', 'thanks'],
  },
  {
    message:
      'Neue Tarife ab 1. Februar: mehr Datenvolumen zum gleichen Preis, und Bestandskunden können ohne neue Laufzeit wechseln. Alle Details im Kundencenter.',
    topics: ['billing', 'contract', 'mobile', 'angry'],
  },
  {
    message:
      'Der Glasfaser-Ausbau in Leipzig und Dresden startet im März. Prüft jetzt, ob eure Adresse dabei ist!',
    topics: ['contract', 'router', 'outage', 'thanks'],
  },
];

/** Other customers chiming in under someone's comment, as happens on Page posts. */
const ME_TOO: readonly DemoTemplate[] = [
  { lang: 'de', topic: 'outage', text: 'Bei mir in {city} genau das gleiche.' },
  { lang: 'de', topic: 'angry', text: 'Geht mir genauso. Und keiner meldet sich.' },
  { lang: 'en', topic: 'outage', text: 'Same problem here in {city}.' },
];

interface Thread {
  commentId: string;
  postId: string;
  customer: DemoCustomer;
}

const DEFAULT_INTERVAL_MS = 6000;
const SHARE_COMMENT = 0.45;
const SHARE_THREAD = 0.25;

/**
 * Customer traffic for the Facebook Page until stopped: on start the Page's posts (once), then comments
 * on them, follow-ups and chime-ins in comment threads (answering the Page's reply when there is one),
 * and Messenger messages. One action at a time, so a slow simulator slows the traffic down.
 */
export function startFacebookDemoTraffic(opts: FacebookDemoTrafficOptions): { stop(): void } {
  const random = opts.random ?? Math.random;
  const interval = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
  const base = opts.simulatorUrl.replace(/\/+$/, '');
  const log = opts.log ?? (() => {});
  let posts: Array<{ id: string; topics: ReadonlyArray<DemoTemplate['topic']> }> = [];
  const threads: Thread[] = [];
  const messaged = new Set<DemoCustomer>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const fill = (template: DemoTemplate): string => {
    const place = pick(PLACES);
    // X templates address the brand with @handle; on the Page's own post nobody does.
    const text = template.text.replace(/\s*@\{brand\}\s*/g, ' ').trim();
    const filled = text.replace(/\{(\w+)\}/g, (_m, key: string) => {
      if (key === 'plz' || key === 'city') return place[key];
      return pick(PLACEHOLDER_VALUES[key] ?? [key]);
    });
    return filled.charAt(0).toUpperCase() + filled.slice(1);
  };

  const templatesFor = (
    pool: readonly DemoTemplate[],
    lang: DemoCustomer['lang'],
    topics?: readonly string[],
  ) => {
    const byLang = pool.filter((t) => t.lang === lang);
    const byTopic = topics ? byLang.filter((t) => topics.includes(t.topic)) : byLang;
    return byTopic.length ? byTopic : byLang;
  };

  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`simulator refused ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  /** The Page's posts, made once: a restarted generator finds them again by their text. */
  const ensurePosts = async (): Promise<void> => {
    const { data } = await call<{ data: Array<{ id: string; message: string }> }>(
      'GET',
      '/_sim/facebook/posts',
    );
    posts = [];
    for (const demo of FACEBOOK_DEMO_POSTS) {
      const existing = data.find((p) => p.message === demo.message);
      const id =
        existing?.id ??
        (await call<{ id: string }>('POST', '/_sim/facebook/posts', { message: demo.message })).id;
      if (!existing) log(`Page post: ${demo.message.slice(0, 60)}…`);
      posts.push({ id, topics: demo.topics });
    }
  };

  const comment = async (customer: DemoCustomer, postId: string, text: string, parentId?: string) => {
    const { id } = await call<{ id: string }>('POST', '/_sim/facebook/comments', {
      post_id: postId,
      ...(parentId ? { parent_id: parentId } : {}),
      from: { name: customer.name },
      message: text,
    });
    log(`${customer.name}${parentId ? ` (reply to ${parentId})` : ''}: ${text}`);
    return id;
  };

  const newComment = async () => {
    const post = pick(posts);
    const customer = pick(DEMO_CUSTOMERS);
    const text = fill(pick(templatesFor(OPENING_TEMPLATES, customer.lang, post.topics)));
    threads.push({ commentId: await comment(customer, post.id, text), postId: post.id, customer });
  };

  /** The Page's replies in our threads: following up on those keeps the conversation going naturally. */
  const answeredThreads = async (): Promise<Thread[]> => {
    const { data } = await call<{ data: Array<{ type: string; object_id: string }> }>(
      'GET',
      '/_sim/facebook/page-activity',
    );
    const answered = new Set(data.filter((a) => a.type === 'comment_reply').map((a) => a.object_id));
    return threads.filter((t) => answered.has(t.commentId));
  };

  const threadReply = async () => {
    const answered = await answeredThreads();
    const thread = pick(answered.length ? answered.slice(-5) : threads.slice(-5));
    if (random() < 0.25) {
      const other = pick(DEMO_CUSTOMERS.filter((c) => c !== thread.customer));
      await comment(other, thread.postId, fill(pick(templatesFor(ME_TOO, other.lang))), thread.commentId);
      return;
    }
    const text = fill(pick(templatesFor(FOLLOW_UP_TEMPLATES, thread.customer.lang)));
    await comment(thread.customer, thread.postId, text, thread.commentId);
  };

  const messengerMessage = async () => {
    const followUp = messaged.size > 0 && random() < 0.4;
    const customer = followUp ? pick([...messaged]) : pick(DEMO_CUSTOMERS);
    const pool = followUp ? FOLLOW_UP_TEMPLATES : OPENING_TEMPLATES;
    const text = fill(pick(templatesFor(pool, customer.lang)));
    await call('POST', '/_sim/facebook/messages', { from: { name: customer.name }, text });
    messaged.add(customer);
    log(`${customer.name} (Messenger): ${text}`);
  };

  const tick = async (): Promise<void> => {
    if (posts.length === 0) await ensurePosts();
    const roll = random();
    if (roll < SHARE_COMMENT || (threads.length === 0 && roll < SHARE_COMMENT + SHARE_THREAD))
      await newComment();
    else if (roll < SHARE_COMMENT + SHARE_THREAD) await threadReply();
    else await messengerMessage();
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, Math.round(interval * (0.5 + random())));
  };

  const run = () => {
    tick()
      .catch((err: unknown) => {
        // A reset of the simulator removes our posts and threads: start over with new ones.
        posts = [];
        threads.length = 0;
        log(`facebook demo traffic: ${err instanceof Error ? err.message : String(err)}`);
      })
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
