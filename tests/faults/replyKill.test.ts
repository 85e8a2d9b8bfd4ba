import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ConversationListResponse } from '../../common/types';
import type { DeliveryStep } from '../../server/services/deliverReply';
import { fbActivity, fbComment, fbMessage, fbPagePost } from '../helpers/fbSim';
import { simDm, simDmsWith, simPost, simPostsBy } from '../helpers/sim';
import { FB_TEST, type Stack, startStack, waitFor } from '../helpers/stack';

/**
 * Issue 8, fault suite: the same promise as replyCrashes, with a real process death. Outbound jobs run
 * in a separate worker process that SIGKILLs itself when a delivery reaches the step, with up to four
 * deliveries of all five reply kinds in flight; a fresh worker process then takes over (the dead one's
 * jobs come back as stalled after BullMQ's 30 s lock). The in-process outbound worker is paused.
 */

const ROOT = path.resolve(__dirname, '../..');
type Kind = 'x_public' | 'x_dm' | 'fb_comment' | 'fb_private' | 'messenger';
const KINDS: Kind[] = ['x_public', 'x_dm', 'fb_comment', 'fb_private', 'messenger'];
const STEPS: DeliveryStep[] = ['posted', 'recording'];

describe('fault suite: reply kill -9', () => {
  let stack: Stack;
  let cookie: string;
  let pagePost: string;
  const key = randomBytes(32);
  const children: ChildProcess[] = [];
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 500,
      facebook: true,
      encryptionKey: key,
      outboundAttempts: 6,
    });
    await stack.workers.workers.find((w) => w.name === 'outbound')!.pause();
    cookie = await stack.login();
    await waitFor(
      async () => {
        const row = await stack.core
          .db('channel_accounts')
          .where({ id: stack.facebookAccountId })
          .first('poll_cursor');
        return row.poll_cursor?.feed && row.poll_cursor?.messenger;
      },
      { what: 'the first Facebook poll' },
    );
    pagePost = await fbPagePost(stack.sim, 'Heute Störung im Mobilfunknetz.');
  });
  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await stack?.close();
    process.stdout.write(`replyKill suite took ${Math.round((Date.now() - started) / 1000)} s\n`);
  });

  function startWorker(crashStep?: DeliveryStep): Promise<ChildProcess> {
    const child = spawn(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['tests/faults/helpers/outboundWorkerProcess.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          OUT_DATABASE_URL: stack.database.url,
          OUT_QUEUE_PREFIX: stack.queuePrefix,
          OUT_KEY_HEX: key.toString('hex'),
          OUT_SIM_URL: stack.sim.url,
          OUT_FB_APP_SECRET: FB_TEST.appSecret,
          ...(crashStep ? { CRASH_STEP: crashStep } : {}),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(child);
    return new Promise((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve(child);
      });
      child.once('exit', (code, signal) =>
        reject(new Error(`worker exited before ready: ${code ?? signal}`)),
      );
    });
  }
  const exited = (child: ChildProcess) =>
    new Promise<NodeJS.Signals | number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null)
        return resolve(child.signalCode ?? child.exitCode);
      child.once('exit', (code, signal) => resolve(signal ?? code));
    });

  const conversationOf = (name: string) =>
    waitFor(
      async () =>
        (
          (await stack.api(cookie, 'GET', '/api/conversations?status=all&limit=200'))
            .body as ConversationListResponse
        ).items.find((c) => c.contact.handle === name || c.contact.name === name),
      { what: `the conversation of ${name}`, timeoutMs: 30_000 },
    );
  async function customer(kind: Kind, step: DeliveryStep): Promise<string> {
    const name = kind.startsWith('x_')
      ? `k${kind.replace('_', '')}${step}`.slice(0, 15)
      : `Kill ${kind} ${step}`;
    if (kind === 'x_public')
      await simPost(stack.sim, { username: name, text: `@${stack.brand.username} Hilfe` });
    if (kind === 'x_dm') await simDm(stack.sim, { username: name }, 'Bitte per DM');
    if (kind === 'fb_comment' || kind === 'fb_private')
      await fbComment(stack.sim, { postId: pagePost, from: name, message: `Frage von ${name}` });
    if (kind === 'messenger') await fbMessage(stack.sim, name, `Nachricht von ${name}`);
    return name;
  }
  async function received(kind: Kind, name: string, text: string): Promise<number> {
    if (kind === 'x_public')
      return (await simPostsBy(stack.sim, stack.brand.username)).filter((p) => p.text.startsWith(text))
        .length;
    if (kind === 'x_dm')
      return (await simDmsWith(stack.sim, name)).filter(
        (d) => d.sender === stack.brand.username && d.text.startsWith(text),
      ).length;
    const type =
      kind === 'fb_comment' ? 'comment_reply' : kind === 'fb_private' ? 'private_reply' : 'message';
    return (await fbActivity(stack.sim)).filter((a) => a.type === type && a.text?.startsWith(text)).length;
  }

  for (const step of STEPS) {
    it(`kill -9 of the worker process at "${step}" with all five reply kinds in flight: 0 double posts at the simulator, 0 lost replies`, async () => {
      const names = new Map<Kind, string>();
      for (const kind of KINDS) names.set(kind, await customer(kind, step));
      const conversations = new Map<Kind, string>();
      for (const kind of KINDS) conversations.set(kind, (await conversationOf(names.get(kind)!)).id);

      const crashing = await startWorker(step);
      const sent: Array<{ kind: Kind; text: string; messageId: string }> = [];
      for (const kind of KINDS) {
        const text = `Kill ${step} ${kind} ${conversations.get(kind)!.slice(0, 8)}`;
        const res = await stack.api(cookie, 'POST', `/api/conversations/${conversations.get(kind)}/replies`, {
          text,
          channel:
            kind === 'x_public' || kind === 'fb_comment'
              ? 'public'
              : kind === 'fb_private'
                ? 'private_reply'
                : 'dm',
          idempotencyKey: `kill-${step}-${kind}`,
        });
        expect(res.status).toBe(202);
        sent.push({ kind, text, messageId: res.body.message.id });
      }
      // tsx reports its child's SIGKILL as exit code 137 (128 + 9).
      expect(['SIGKILL', 137]).toContain(await exited(crashing));
      const states = await stack.core
        .db('messages')
        .whereIn(
          'id',
          sent.map((s) => s.messageId),
        )
        .pluck('delivery_state');
      // The process died after at least one platform accepted a reply it had not recorded.
      expect(states).toContain('sending');

      const healthy = await startWorker();
      try {
        await waitFor(
          async () => {
            const rows = await stack.core
              .db('messages')
              .whereIn(
                'id',
                sent.map((s) => s.messageId),
              )
              .pluck('delivery_state');
            return rows.every((s) => s === 'sent' || s === 'failed');
          },
          { what: 'every reply settled after the restart', timeoutMs: 100_000 },
        );
        for (const s of sent) {
          const row = await stack.core
            .db('messages')
            .where({ id: s.messageId })
            .first('delivery_state', 'delivery_error');
          expect({ kind: s.kind, state: row.delivery_state, error: row.delivery_error }).toEqual({
            kind: s.kind,
            state: 'sent',
            error: null,
          });
          expect({ kind: s.kind, received: await received(s.kind, names.get(s.kind)!, s.text) }).toEqual({
            kind: s.kind,
            received: 1,
          });
        }
      } finally {
        healthy.kill('SIGTERM');
        await exited(healthy);
      }
    });
  }
});
