/**
 * The metric definitions of README "Metrics", as a pure function over one conversation's timeline.
 * Times are epoch milliseconds. `order` is when Caredesk learned of an entry (an inbound's arrival, a
 * reply's sending, a status change): it decides what came first, so a late-arriving customer post is
 * never "answered" by a reply written before anyone could see it. `at` is the time measured from or to:
 * the customer's own post time for inbound messages, the platform's post time for replies.
 */
export type TimelineEntry =
  | { type: 'inbound'; id: string; order: number; at: number; channel: string }
  | {
      type: 'response';
      id: string;
      order: number;
      at: number;
      /** When the agent submitted it (the first agent action may be this). */
      submittedAt: number;
      agentId: string;
      channel: string;
    }
  /** A post by the brand made outside Caredesk: it answers the customer but credits nobody. */
  | { type: 'native'; order: number; at: number }
  | { type: 'note'; order: number; at: number }
  | { type: 'status'; order: number; at: number; to: string; actorId: string | null };

export type MetricKind = 'inbound' | 'episode' | 'first' | 'next' | 'resolution' | 'handle';

export interface MetricEvent {
  /** Stable per conversation: the same event keeps its key when the conversation is recomputed. */
  key: string;
  kind: MetricKind;
  episode: number;
  messageId: string | null;
  agentId: string | null;
  channel: string;
  /** Start of the measured interval; null for the volume kinds (inbound, episode). */
  startAt: number | null;
  at: number;
}

const RANK: Record<TimelineEntry['type'], number> = {
  inbound: 0,
  native: 1,
  response: 2,
  note: 3,
  status: 4,
};

interface Episode {
  n: number;
  start: number;
  channel: string;
  waitingSince: number | null;
  responded: boolean;
  resolvedAt: number | null;
  resolver: string | null;
  firstAction: number | null;
  lastResponder: string | null;
}

function resolutionEvents(ep: Episode): MetricEvent[] {
  if (ep.resolvedAt === null) return [];
  const agentId = ep.lastResponder ?? ep.resolver;
  const base = { episode: ep.n, messageId: null, agentId, channel: ep.channel, at: ep.resolvedAt };
  const events: MetricEvent[] = [
    { ...base, key: `resolution:${ep.n}`, kind: 'resolution', startAt: ep.start },
  ];
  if (ep.firstAction !== null && ep.firstAction <= ep.resolvedAt) {
    events.push({ ...base, key: `handle:${ep.n}`, kind: 'handle', startAt: ep.firstAction });
  }
  return events;
}

/** Every metric event of one conversation, from its whole timeline (order of the input does not matter). */
export function computeMetricEvents(entries: readonly TimelineEntry[]): MetricEvent[] {
  const sorted = [...entries].sort((a, b) => a.order - b.order || RANK[a.type] - RANK[b.type]);
  const out: MetricEvent[] = [];
  let ep: Episode | null = null;
  for (const e of sorted) {
    if (e.type === 'inbound') {
      // A new episode: the first customer message, or one that reopens a resolved conversation.
      if (ep === null || ep.resolvedAt !== null) {
        if (ep) out.push(...resolutionEvents(ep));
        const n: number = (ep?.n ?? 0) + 1;
        ep = {
          n,
          start: e.at,
          channel: e.channel,
          waitingSince: null,
          responded: false,
          resolvedAt: null,
          resolver: null,
          firstAction: null,
          lastResponder: null,
        };
        out.push({
          key: `episode:${n}`,
          kind: 'episode',
          episode: n,
          messageId: e.id,
          agentId: null,
          channel: e.channel,
          startAt: null,
          at: e.at,
        });
      }
      ep.waitingSince ??= e.at;
      out.push({
        key: `inbound:${e.id}`,
        kind: 'inbound',
        episode: ep.n,
        messageId: e.id,
        agentId: null,
        channel: e.channel,
        startAt: null,
        at: e.at,
      });
      continue;
    }
    if (ep === null) continue;
    switch (e.type) {
      case 'response': {
        ep.firstAction = Math.min(ep.firstAction ?? e.submittedAt, e.submittedAt);
        ep.lastResponder = e.agentId;
        // Only a reply to a waiting customer is a response; a second reply in a row is not.
        if (ep.waitingSince !== null) {
          const kind = ep.responded ? 'next' : 'first';
          out.push({
            key: `${kind}:${e.id}`,
            kind,
            episode: ep.n,
            messageId: e.id,
            agentId: e.agentId,
            channel: e.channel,
            startAt: ep.responded ? ep.waitingSince : ep.start,
            at: e.at,
          });
          ep.responded = true;
          ep.waitingSince = null;
        }
        break;
      }
      case 'native':
        ep.responded = true;
        ep.waitingSince = null;
        break;
      case 'note':
        ep.firstAction = Math.min(ep.firstAction ?? e.at, e.at);
        break;
      case 'status':
        if (e.to === 'resolved') {
          ep.resolvedAt = e.at;
          ep.resolver = e.actorId;
        } else {
          // Reopened by an agent: the episode goes on and will be resolved later.
          ep.resolvedAt = null;
        }
        break;
    }
  }
  if (ep) out.push(...resolutionEvents(ep));
  return out;
}
