import { computeMetricEvents, type TimelineEntry } from './computeMetricEvents';

const min = 60_000;
const t = (m: number) => Date.UTC(2026, 9, 20, 8, 0) + m * min;
const inbound = (id: string, m: number, channel = 'public'): TimelineEntry => ({
  type: 'inbound',
  id,
  order: t(m),
  at: t(m),
  channel,
});
const reply = (id: string, m: number, agentId: string, channel = 'public'): TimelineEntry => ({
  type: 'response',
  id,
  order: t(m),
  at: t(m),
  submittedAt: t(m) - min,
  agentId,
  channel,
});
const status = (m: number, to: string, actorId = 'lea'): TimelineEntry => ({
  type: 'status',
  order: t(m),
  at: t(m),
  to,
  actorId,
});
const minutes = (e: { startAt: number | null; at: number }) => (e.at - (e.startAt ?? e.at)) / min;

describe('computeMetricEvents', () => {
  it('measures the first response from the first inbound and each next response from the first unanswered message', () => {
    const events = computeMetricEvents([
      inbound('i1', 0),
      inbound('i2', 3),
      reply('r1', 10, 'anna'),
      reply('r2', 12, 'anna'), // nobody was waiting: not a response
      inbound('i3', 20),
      inbound('i4', 25),
      reply('r3', 40, 'ben'),
    ]);
    const responses = events.filter((e) => e.kind === 'first' || e.kind === 'next');
    expect(responses.map((e) => [e.kind, e.messageId, e.agentId, minutes(e)])).toEqual([
      ['first', 'r1', 'anna', 10],
      ['next', 'r3', 'ben', 20],
    ]);
    expect(events.filter((e) => e.kind === 'inbound')).toHaveLength(4);
  });

  it('starts a new episode with its own first response when an inbound reopens a resolved conversation', () => {
    const events = computeMetricEvents([
      inbound('i1', 0),
      reply('r1', 5, 'anna'),
      status(30, 'resolved'),
      inbound('i2', 100),
      reply('r2', 160, 'ben'),
      status(200, 'resolved', 'ben'),
    ]);
    const firsts = events.filter((e) => e.kind === 'first');
    expect(firsts.map((e) => [e.episode, e.agentId, minutes(e)])).toEqual([
      [1, 'anna', 5],
      [2, 'ben', 60],
    ]);
    expect(
      events.filter((e) => e.kind === 'resolution').map((e) => [e.episode, minutes(e), e.agentId]),
    ).toEqual([
      [1, 30, 'anna'],
      [2, 100, 'ben'],
    ]);
    // Handle time: first agent action (the reply was submitted a minute before it was sent) to resolution.
    expect(events.filter((e) => e.kind === 'handle').map(minutes)).toEqual([26, 41]);
    expect(events.filter((e) => e.kind === 'episode')).toHaveLength(2);
  });

  it('counts notes as agent activity but never as a response', () => {
    const events = computeMetricEvents([
      inbound('i1', 0),
      { type: 'note', order: t(2), at: t(2) },
      reply('r1', 30, 'anna'),
      status(40, 'resolved'),
    ]);
    expect(events.filter((e) => e.kind === 'first').map(minutes)).toEqual([30]);
    expect(events.filter((e) => e.kind === 'handle').map(minutes)).toEqual([38]);
  });

  it('does not credit a brand post made outside Caredesk, but it ends the wait', () => {
    const events = computeMetricEvents([
      inbound('i1', 0),
      { type: 'native', order: t(5), at: t(5) },
      reply('r1', 50, 'anna'),
      inbound('i2', 60),
      reply('r2', 65, 'anna'),
    ]);
    expect(events.filter((e) => e.kind === 'first')).toEqual([]);
    expect(events.filter((e) => e.kind === 'next').map((e) => [e.messageId, minutes(e)])).toEqual([
      ['r2', 5],
    ]);
  });

  it('moves the resolution when an agent reopens and resolves again, without a new episode', () => {
    const events = computeMetricEvents([
      inbound('i1', 0),
      reply('r1', 5, 'anna'),
      status(10, 'resolved'),
      status(20, 'open'),
      status(45, 'resolved'),
    ]);
    expect(events.filter((e) => e.kind === 'resolution').map(minutes)).toEqual([45]);
    expect(events.filter((e) => e.kind === 'episode')).toHaveLength(1);
  });

  it('orders by arrival: a late post is not answered by a reply sent before it arrived', () => {
    const late: TimelineEntry = { type: 'inbound', id: 'i2', order: t(12), at: t(8), channel: 'public' };
    const events = computeMetricEvents([
      inbound('i1', 0),
      reply('r1', 10, 'anna'),
      late,
      reply('r2', 20, 'anna'),
    ]);
    expect(events.filter((e) => e.kind === 'next').map(minutes)).toEqual([12]);
  });
});
