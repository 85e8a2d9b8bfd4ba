/**
 * Usage as Graph reports it: a percentage of a budget over a rolling window (an hour by default). Each call
 * adds a configurable share; shares older than the window drop out, so usage decays on its own.
 */
export class UsageMeter {
  private entries: Array<{ at: number; amount: number }> = [];

  constructor(
    public perCall: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Current usage in percent (may pass 100 when set from outside). */
  level(): number {
    this.prune();
    return this.entries.reduce((sum, e) => sum + e.amount, 0);
  }

  throttled(): boolean {
    return this.level() >= 100;
  }

  charge(): void {
    if (this.perCall > 0) this.entries.push({ at: this.now(), amount: this.perCall });
  }

  /** Sets the usage to `percent` as if it had all been spent just now (control API). */
  set(percent: number): void {
    this.entries = percent > 0 ? [{ at: this.now(), amount: percent }] : [];
  }

  /** Whole minutes until usage falls below 100 again; 0 when not throttled. */
  minutesToRegain(): number {
    let level = this.level();
    if (level < 100) return 0;
    const now = this.now();
    for (const entry of this.entries) {
      level -= entry.amount;
      if (level < 100) return Math.max(1, Math.ceil((entry.at + this.windowMs - now) / 60_000));
    }
    return Math.ceil(this.windowMs / 60_000);
  }

  clear(): void {
    this.entries = [];
  }

  private prune(): void {
    const oldest = this.now() - this.windowMs;
    this.entries = this.entries.filter((e) => e.at > oldest);
  }
}

/**
 * The three numbers of a usage header. UNCONFIRMED how time and CPU relate to calls; the simulator reports
 * them as fixed shares of call_count so call_count is always the one that reaches 100 first.
 */
export function usageNumbers(percent: number): {
  call_count: number;
  total_time: number;
  total_cputime: number;
} {
  const p = Math.max(0, percent);
  return { call_count: Math.floor(p), total_time: Math.floor(p * 0.6), total_cputime: Math.floor(p * 0.4) };
}
