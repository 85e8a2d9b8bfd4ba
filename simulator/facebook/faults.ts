import { FB_WEBHOOK_TARGET, type FbEndpoint } from './endpoints';

/**
 * Faults for the Graph stand-in, set through POST /_sim/faults with `platform: "facebook"`. Same rules as
 * the X ones: consumed first-in first-out, `count` requests each.
 */

export const FB_FIXED_FAULT_KINDS = [
  '429',
  '500',
  'timeout',
  'malformed',
  'revoke',
  'drop_then_show',
  'empty_page',
] as const;
/** Kinds that act on the simulator's webhook deliveries (`endpoint: "webhook"`). */
export const FB_WEBHOOK_FAULT_KINDS = ['bad_signature', 'drop', 'duplicate'] as const;
/** `code:<n>` or `code:<n>:<subcode>`: answer with that Graph error. */
export const FB_CODE_FAULT = /^code:(\d{1,7})(?::(\d{1,9}))?$/;

export type FbWebhookFaultKind = (typeof FB_WEBHOOK_FAULT_KINDS)[number];
export type FbFaultKind = (typeof FB_FIXED_FAULT_KINDS)[number] | FbWebhookFaultKind | `code:${string}`;
export type FbFaultTarget = FbEndpoint | typeof FB_WEBHOOK_TARGET;

/** What a response fault does to one request. */
export type FbResponseFault =
  | { kind: '429' | '500' | 'timeout' | 'malformed' | 'revoke' }
  | { kind: 'code'; code: number; subcode?: number };

interface Fault {
  id: string;
  endpoint: FbFaultTarget;
  kind: FbFaultKind;
  remaining: number;
  hiddenItemId: string | null;
}

export interface FbFaultView {
  id: string;
  platform: 'facebook';
  endpoint: FbFaultTarget;
  kind: FbFaultKind;
  count: number;
  hiddenItemId?: string;
}

const LISTING_KINDS = new Set<string>(['drop_then_show', 'empty_page']);
const WEBHOOK_KINDS = new Set<string>(FB_WEBHOOK_FAULT_KINDS);

export class FacebookFaultBook {
  private faults: Fault[] = [];
  private seq = 0;

  add(input: { endpoint: FbFaultTarget; kind: FbFaultKind; count: number }): FbFaultView {
    this.seq += 1;
    const fault: Fault = { id: `fb-fault-${this.seq}`, hiddenItemId: null, ...input, remaining: input.count };
    this.faults.push(fault);
    return view(fault);
  }

  list(): FbFaultView[] {
    return this.faults.map(view);
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes one use of the oldest fault that replaces or damages the answer to this request. */
  takeResponseFault(endpoints: readonly FbEndpoint[]): FbResponseFault | null {
    const fault = this.faults.find(
      (f) =>
        endpoints.includes(f.endpoint as FbEndpoint) &&
        !LISTING_KINDS.has(f.kind) &&
        !WEBHOOK_KINDS.has(f.kind),
    );
    if (!fault) return null;
    this.use(fault);
    const code = FB_CODE_FAULT.exec(fault.kind);
    if (code) {
      return code[2] === undefined
        ? { kind: 'code', code: Number(code[1]) }
        : { kind: 'code', code: Number(code[1]), subcode: Number(code[2]) };
    }
    return { kind: fault.kind as '429' | '500' | 'timeout' | 'malformed' | 'revoke' };
  }

  /** Whether this listing answers an empty page that still has `next` (uses one count). */
  takeEmptyPage(endpoints: readonly FbEndpoint[]): boolean {
    const fault = this.faults.find(
      (f) => endpoints.includes(f.endpoint as FbEndpoint) && f.kind === 'empty_page',
    );
    if (!fault) return false;
    this.use(fault);
    return true;
  }

  /**
   * Ids to leave out of one listing. The newest candidate is pinned on first use, so the item that arrives
   * after the fault was set is the one shown late. A listing with nothing to hide does not use the fault.
   */
  takeHiddenItems(endpoints: readonly FbEndpoint[], newestFirstIds: readonly string[]): Set<string> {
    const hidden = new Set<string>();
    const matching = this.faults.filter(
      (f) => endpoints.includes(f.endpoint as FbEndpoint) && f.kind === 'drop_then_show',
    );
    for (const fault of matching) {
      if (fault.hiddenItemId === null) {
        const newest = newestFirstIds.find((id) => !hidden.has(id));
        if (newest === undefined) continue;
        fault.hiddenItemId = newest;
      }
      if (!newestFirstIds.includes(fault.hiddenItemId)) continue;
      hidden.add(fault.hiddenItemId);
      this.use(fault);
    }
    return hidden;
  }

  takeWebhookFault(): FbWebhookFaultKind | null {
    const fault = this.faults.find((f) => f.endpoint === FB_WEBHOOK_TARGET);
    if (!fault) return null;
    this.use(fault);
    return fault.kind as FbWebhookFaultKind;
  }

  private use(fault: Fault): void {
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
  }
}

export function isListingOnlyKind(kind: string): boolean {
  return LISTING_KINDS.has(kind);
}

export function isWebhookKind(kind: string): boolean {
  return WEBHOOK_KINDS.has(kind);
}

function view(fault: Fault): FbFaultView {
  const out: FbFaultView = {
    id: fault.id,
    platform: 'facebook',
    endpoint: fault.endpoint,
    kind: fault.kind,
    count: fault.remaining,
  };
  if (fault.hiddenItemId !== null) out.hiddenItemId = fault.hiddenItemId;
  return out;
}
