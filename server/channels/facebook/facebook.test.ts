import { createHmac } from 'node:crypto';
import {
  ChannelAuthError,
  ChannelRateLimitError,
  ChannelRejectedError,
  ChannelUnavailableError,
} from '../errors';
import { graphErrorFrom } from './errors';
import { usageFromHeaders } from './graph';
import { itemsFromWebhookEntry, verifyFbSignature } from './webhook';

const graphError = (code: number, subcode?: number) => ({
  error: {
    message: `(#${code}) message`,
    type: 'OAuthException',
    code,
    ...(subcode ? { error_subcode: subcode } : {}),
    fbtrace_id: 'A',
  },
});

describe('Graph errors are decided on error.code', () => {
  it.each([190])('%i -> needs re-authorisation (all subcodes)', (code) => {
    for (const sub of [458, 459, 460, 463, 464, 467, 492])
      expect(graphErrorFrom(400, graphError(code, sub), null)).toBeInstanceOf(ChannelAuthError);
  });
  it.each([4, 17, 32, 613, 80001, 80006])('%i -> rate limit, waiting the estimated time', (code) => {
    const e = graphErrorFrom(400, graphError(code), 7 * 60_000);
    expect(e).toBeInstanceOf(ChannelRateLimitError);
    expect((e as ChannelRateLimitError).retryAfterMs).toBe(7 * 60_000);
  });
  it.each([100, 368, 10900, 10903, 551])('%i -> the reply fails with the platform reason', (code) => {
    const e = graphErrorFrom(400, graphError(code), null);
    expect(e).toBeInstanceOf(ChannelRejectedError);
    expect(e.message).toContain(`(#${code}) message`);
  });
  it.each([1, 2])('%i -> transient, retried', (code) => {
    expect(graphErrorFrom(500, graphError(code), null)).toBeInstanceOf(ChannelUnavailableError);
  });
  it('a 5xx without a Graph body is transient', () => {
    expect(graphErrorFrom(502, '<html>Bad gateway</html>', null)).toBeInstanceOf(ChannelUnavailableError);
  });
});

describe('usage headers slow polling down before 100 %', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('ignores low usage', () => {
    const { usage } = usageFromHeaders(
      headers({ 'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":25}' }),
      0,
    );
    expect(usage[0]!.remaining).toBeGreaterThan(1000);
  });
  it('spaces calls from 75 % and reads the regain time of X-Business-Use-Case-Usage', () => {
    const { usage, regainMs } = usageFromHeaders(
      headers({
        'x-business-use-case-usage':
          '{"1010":[{"type":"pages","call_count":97,"total_cputime":23,"total_time":23,"estimated_time_to_regain_access":12}]}',
      }),
      1000,
    );
    expect(usage[0]).toMatchObject({ limit: 100, remaining: 3 });
    expect(regainMs).toBe(12 * 60_000);
  });
});

describe('Facebook webhooks', () => {
  const secret = 'app-secret';
  const body = Buffer.from(JSON.stringify({ object: 'page', entry: [] }));
  const sign = (b: Buffer) => `sha256=${createHmac('sha256', secret).update(b).digest('hex')}`;

  it('verifies X-Hub-Signature-256 over the raw bytes', () => {
    expect(verifyFbSignature(body, sign(body), secret)).toBe(true);
    expect(verifyFbSignature(Buffer.from(`${body.toString()} `), sign(body), secret)).toBe(false);
    expect(verifyFbSignature(body, undefined, secret)).toBe(false);
    expect(verifyFbSignature(body, 'sha256=abcd', secret)).toBe(false);
  });

  it('turns feed changes and Messenger events into items with stable dedupe keys', () => {
    const entry = {
      id: 'PAGE',
      time: 1_700_000_000,
      changes: [
        {
          field: 'feed',
          value: {
            from: { id: 'U1', name: 'Ann' },
            post_id: 'PAGE_POST',
            comment_id: 'POST_C1',
            parent_id: 'PAGE_POST',
            message: 'help',
            item: 'comment',
            verb: 'add',
            created_time: 1_700_000_000,
          },
        },
        {
          field: 'feed',
          value: {
            from: { id: 'U1', name: 'Ann' },
            post_id: 'PAGE_POST',
            comment_id: 'POST_C2',
            parent_id: 'POST_C1',
            message: 'more',
            item: 'comment',
            verb: 'add',
            created_time: 1_700_000_060,
          },
        },
        {
          field: 'feed',
          value: {
            post_id: 'PAGE_POST',
            comment_id: 'POST_C1',
            item: 'comment',
            verb: 'hide',
            created_time: 1_700_000_100,
          },
        },
        { field: 'feed', value: { post_id: 'PAGE_POST', item: 'reaction', verb: 'add' } },
      ],
      messaging: [
        {
          sender: { id: 'PSID1' },
          recipient: { id: 'PAGE' },
          timestamp: 1_700_000_000_000,
          message: { mid: 'm_1', text: 'hi' },
        },
        {
          sender: { id: 'PAGE' },
          recipient: { id: 'PSID1' },
          timestamp: 1_700_000_100_000,
          message: { mid: 'm_2', text: 'hello', is_echo: true },
        },
      ],
    };
    const { items, skipped } = itemsFromWebhookEntry(entry, 'PAGE');
    expect(skipped).toBe(1);
    const [c1, c2, hide, dm, echo] = items;
    expect(c1).toMatchObject({
      externalId: 'POST_C1',
      threadKey: 'fbc:POST_C1',
      inReplyToExternalId: null,
      fromAccount: false,
    });
    expect(c2).toMatchObject({ threadKey: 'fbc:POST_C1', inReplyToExternalId: 'POST_C1' });
    expect(hide).toMatchObject({ externalId: 'POST_C1', action: 'hide' });
    expect(hide!.dedupeKey).toMatch(/^POST_C1#hide@/);
    expect(dm).toMatchObject({
      externalId: 'm_1',
      threadKey: 'fbm:PSID1',
      channel: 'dm',
      fromAccount: false,
    });
    expect(echo).toMatchObject({
      externalId: 'm_2',
      fromAccount: true,
      context: expect.objectContaining({ counterpartId: 'PSID1' }),
    });
  });
});
