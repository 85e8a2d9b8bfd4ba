import { createHmac, randomInt } from 'node:crypto';
import type { FbWebhookFaultKind } from './faults';

/**
 * Webhook deliveries as Facebook makes them (reference §9): a verification GET when subscribing, then one
 * JSON POST per event signed with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
 * A delivery that fails (non-2xx, network error, timeout) is retried after each pause in `retryDelaysMs`.
 * Facebook batches up to 1,000 events per POST and retries for 36 h; the simulator sends one event per POST
 * unless the subscription sets `batchMs` (events within that time go out together, their entries joined).
 */

/** A webhook body: `{object: "page", entry: [...]}`. */
export interface WebhookPayload {
  object: string;
  entry: unknown[];
}

const MAX_BATCH = 1000;

export interface WebhookSubscription {
  url: string;
  appSecret: string;
  verifyToken: string;
  /** Sign every delivery with the wrong secret (to test the receiver's check). */
  badSignature: boolean;
  /** Collect events for this long and send them as one POST; 0 sends each at once. */
  batchMs: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface DeliveryView {
  id: number;
  status: DeliveryStatus;
  attempts: number;
  /** HTTP status of the last attempt; null after a network error or before the first attempt. */
  last_status: number | null;
  last_error?: string;
  bad_signature: boolean;
  created_time: string;
  body: unknown;
}

interface Delivery {
  id: number;
  body: string;
  createdAt: number;
  attempts: number;
  status: DeliveryStatus;
  lastStatus: number | null;
  lastError: string | null;
  badSignature: boolean;
}

export interface WebhookSettings {
  retryDelaysMs: number[];
  timeoutMs: number;
  history: number;
  now: () => number;
  takeFault: () => FbWebhookFaultKind | null;
}

export class WebhookDispatcher {
  private subscription: WebhookSubscription | null = null;
  private log: Delivery[] = [];
  private seq = 0;
  private timers = new Set<NodeJS.Timeout>();
  private inFlight = new Set<Promise<void>>();
  private queue: Promise<void> = Promise.resolve();
  private pending: WebhookPayload[] = [];
  private batchTimer: NodeJS.Timeout | null = null;

  constructor(private readonly settings: WebhookSettings) {}

  get subscribed(): WebhookSubscription | null {
    return this.subscription;
  }

  /**
   * Verifies the endpoint as Facebook does (`hub.mode=subscribe`, a random `hub.challenge`, the verify
   * token) and subscribes it when the challenge comes back as the body of a 200.
   */
  async subscribe(input: WebhookSubscription): Promise<{ ok: true } | { ok: false; error: string }> {
    const challenge = String(randomInt(1, 2_147_483_647));
    const url = new URL(input.url);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.verify_token', input.verifyToken);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.settings.timeoutMs) });
      const text = await res.text();
      if (res.status !== 200) return { ok: false, error: `verification GET answered ${res.status}` };
      if (text !== challenge) return { ok: false, error: 'verification GET did not echo hub.challenge' };
    } catch (err) {
      return {
        ok: false,
        error: `verification GET failed: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
    this.subscription = { ...input };
    return { ok: true };
  }

  unsubscribe(): void {
    this.subscription = null;
  }

  /** Sends one event to the subscriber, if any. Returns at once; delivery and retries run on their own. */
  emit(payload: WebhookPayload): void {
    const subscription = this.subscription;
    if (!subscription) return;
    if (subscription.batchMs <= 0) {
      this.deliver(subscription, payload);
      return;
    }
    this.pending.push(payload);
    if (this.pending.length >= MAX_BATCH) {
      this.flush();
    } else if (this.batchTimer === null) {
      const timer = setTimeout(() => this.flush(), subscription.batchMs);
      timer.unref();
      this.batchTimer = timer;
      this.timers.add(timer);
    }
  }

  /** Sends the last `count` deliveries again, one after the other, shuffled if asked; no retries. */
  async redeliver(count: number, shuffle: boolean): Promise<Array<{ id: number; status: number | null }>> {
    const chosen = this.log.slice(-count);
    if (shuffle && chosen.length > 1) {
      const original = chosen.map((d) => d.id).join();
      for (let i = chosen.length - 1; i > 0; i--) {
        const j = randomInt(0, i + 1);
        [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
      }
      // "Out of order" must mean out of order, even when the shuffle happened to keep it.
      if (chosen.map((d) => d.id).join() === original) chosen.reverse();
    }
    const results: Array<{ id: number; status: number | null }> = [];
    for (const delivery of chosen) results.push({ id: delivery.id, status: await this.send(delivery) });
    return results;
  }

  deliveries(): DeliveryView[] {
    return this.log.map((d) => {
      const out: DeliveryView = {
        id: d.id,
        status: d.status,
        attempts: d.attempts,
        last_status: d.lastStatus,
        bad_signature: d.badSignature,
        created_time: new Date(d.createdAt).toISOString(),
        body: JSON.parse(d.body),
      };
      if (d.lastError !== null) out.last_error = d.lastError;
      return out;
    });
  }

  /** Resolves when no delivery is in flight or waiting for a retry (tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 10))]);
    }
  }

  /** Forgets the delivery log and cancels pending retries; the subscription stays (reset). */
  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.batchTimer = null;
    this.pending = [];
    this.log = [];
  }

  /** Also forgets the subscription (shutdown). */
  stop(): void {
    this.clear();
    this.subscription = null;
  }

  private flush(): void {
    if (this.batchTimer !== null) {
      clearTimeout(this.batchTimer);
      this.timers.delete(this.batchTimer);
      this.batchTimer = null;
    }
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0 && this.subscription) {
      this.deliver(this.subscription, { object: 'page', entry: batch.flatMap((p) => p.entry) });
    }
  }

  private deliver(subscription: WebhookSubscription, payload: WebhookPayload): void {
    const fault = this.settings.takeFault();
    const delivery: Delivery = {
      id: ++this.seq,
      body: JSON.stringify(payload),
      createdAt: this.settings.now(),
      attempts: 0,
      status: 'pending',
      lastStatus: null,
      lastError: null,
      badSignature: subscription.badSignature || fault === 'bad_signature',
    };
    this.log.push(delivery);
    if (this.log.length > this.settings.history) this.log.shift();
    if (fault === 'drop') {
      delivery.status = 'dropped';
      return;
    }
    this.enqueue(() => this.attempt(delivery, 0));
    if (fault === 'duplicate') this.enqueue(() => this.send(delivery).then(() => undefined));
  }

  /**
   * First attempts go out one after the other, in the order the events happened, so tests can rely on
   * it; retries come later and out of order, as they do from Facebook.
   */
  private enqueue(run: () => Promise<void>): void {
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    this.track(next);
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  private async attempt(delivery: Delivery, retry: number): Promise<void> {
    const status = await this.send(delivery);
    const ok = status !== null && status >= 200 && status < 300;
    if (ok) {
      delivery.status = 'delivered';
      return;
    }
    const pause = this.settings.retryDelaysMs[retry];
    if (pause === undefined || !this.subscription) {
      delivery.status = 'failed';
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(delivery, retry + 1));
    }, pause);
    timer.unref();
    this.timers.add(timer);
  }

  /** One POST; the HTTP status, or null after a network error or timeout. */
  private async send(delivery: Delivery): Promise<number | null> {
    const subscription = this.subscription;
    if (!subscription) return null;
    delivery.attempts += 1;
    const secret = delivery.badSignature ? `${subscription.appSecret}-wrong` : subscription.appSecret;
    try {
      const res = await fetch(subscription.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`,
          // The older SHA-1 signature Facebook still sends beside it.
          'x-hub-signature': `sha1=${createHmac('sha1', secret).update(delivery.body).digest('hex')}`,
          'user-agent': 'facebookexternalua',
        },
        body: delivery.body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      // Drain the answer so the connection can be reused.
      await res.arrayBuffer().catch(() => undefined);
      delivery.lastStatus = res.status;
      delivery.lastError = res.ok ? null : `HTTP ${res.status}`;
      return res.status;
    } catch (err) {
      delivery.lastStatus = null;
      delivery.lastError = err instanceof Error ? err.message : String(err);
      return null;
    }
  }
}
