import type { ChannelAccountHealthDto } from '../../../../common/types';

type AccountLike = Pick<ChannelAccountHealthDto, 'handle' | 'status' | 'gaps'>;

/** What the header banners say; null parts show no banner. */
export interface AccountAlerts {
  /** Handles whose polling stopped until someone re-authorises them. */
  reauth: string[] | null;
  /** Accounts with stretches of posts the platform would not let us read. */
  gaps: { handles: string[]; count: number; key: string } | null;
}

/** Red banner for re-authorisation, amber banner for ingest gaps; derived from the account list. */
export function accountAlerts(accounts: readonly AccountLike[] | undefined): AccountAlerts {
  if (accounts === undefined) return { reauth: null, gaps: null };
  const reauth = accounts.filter((a) => a.status === 'needs_reauth').map((a) => a.handle);
  const withGaps = accounts.filter((a) => a.gaps.length > 0);
  const gapIds = withGaps.flatMap((a) => a.gaps.map((gap) => gap.id)).sort();
  return {
    reauth: reauth.length > 0 ? reauth : null,
    gaps:
      withGaps.length > 0
        ? {
            handles: withGaps.map((a) => a.handle),
            count: gapIds.length,
            // Dismissing the banner hides these gaps only: a new gap brings it back.
            key: gapIds.join(','),
          }
        : null,
  };
}

export type BudgetLevel = 'ok' | 'warn' | 'over';

/** Share of the monthly read budget used, 0..1 for the bar (a zero budget counts as fully used). */
export function budgetShare(budget: { monthlyReads: number; readsUsed: number }): {
  share: number;
  level: BudgetLevel;
} {
  const { monthlyReads, readsUsed } = budget;
  const raw = monthlyReads > 0 ? readsUsed / monthlyReads : readsUsed > 0 ? Number.POSITIVE_INFINITY : 1;
  const level: BudgetLevel = raw >= 1 ? 'over' : raw >= 0.8 ? 'warn' : 'ok';
  return { share: Math.min(1, Math.max(0, raw)), level };
}
