import type { XEndpoint } from './endpoints';

export const FAULT_KINDS = ['429', '500', 'timeout', 'malformed', 'revoke', 'drop_then_show'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults that replace or damage the answer to a request; drop_then_show instead changes what a listing shows. */
export type ResponseFaultKind = Exclude<FaultKind, 'drop_then_show'>;

export interface Fault {
  id: string;
  platform: 'x';
  endpoint: XEndpoint;
  kind: FaultKind;
  /** How many more requests this fault will affect. */
  remaining: number;
  /** drop_then_show: the post being hidden, chosen at the first listing after the fault was set. */
  hiddenPostId: string | null;
}

export interface FaultView {
  id: string;
  platform: 'x';
  endpoint: XEndpoint;
  kind: FaultKind;
  count: number;
  hiddenPostId?: string;
}

/** Pending faults, consumed first-in first-out per endpoint. */
export class FaultBook {
  private faults: Fault[] = [];
  private seq = 0;

  add(input: { endpoint: XEndpoint; kind: FaultKind; count: number }): FaultView {
    this.seq += 1;
    const fault: Fault = {
      id: `fault-${this.seq}`,
      platform: 'x',
      hiddenPostId: null,
      ...input,
      remaining: input.count,
    };
    this.faults.push(fault);
    return view(fault);
  }

  list(): FaultView[] {
    return this.faults.map(view);
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes one use of the oldest response fault set for this endpoint, if any. */
  takeResponseFault(endpoint: XEndpoint): ResponseFaultKind | null {
    const fault = this.faults.find((f) => f.endpoint === endpoint && f.kind !== 'drop_then_show');
    if (!fault) return null;
    this.use(fault);
    return fault.kind as ResponseFaultKind;
  }

  /**
   * Ids to leave out of one listing. The newest candidate is pinned on first use, so a post that
   * arrives after the fault was set is the one shown late, as happens on the real API.
   * A listing with nothing to hide does not use up the fault.
   */
  takeHiddenPosts(endpoint: XEndpoint, newestFirstIds: readonly string[]): Set<string> {
    const hidden = new Set<string>();
    for (const fault of this.faults.filter((f) => f.endpoint === endpoint && f.kind === 'drop_then_show')) {
      if (fault.hiddenPostId === null) {
        const newest = newestFirstIds.find((id) => !hidden.has(id));
        if (newest === undefined) continue;
        fault.hiddenPostId = newest;
      }
      hidden.add(fault.hiddenPostId);
      this.use(fault);
    }
    return hidden;
  }

  private use(fault: Fault): void {
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
  }
}

function view(fault: Fault): FaultView {
  const out: FaultView = {
    id: fault.id,
    platform: fault.platform,
    endpoint: fault.endpoint,
    kind: fault.kind,
    count: fault.remaining,
  };
  if (fault.hiddenPostId !== null) out.hiddenPostId = fault.hiddenPostId;
  return out;
}
