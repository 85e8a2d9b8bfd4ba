import { useTranslation } from 'react-i18next';
import { slaStateAt } from '../../../../common/sla';
import type { ConversationSummary } from '../../../../common/types';
import { formatFullTimestamp } from '../../i18n/dateFormat';
import { formatDuration } from './waitingTime';

/**
 * Response SLA while the customer waits: "SLA 12 min left" (amber in the last quarter, in business
 * time) or "SLA 5 min over" (red), ticking with `now`; nothing once answered. The title says which
 * target it is (first or next response) and when it is due.
 */
export function SlaBadge({ conversation, now }: { conversation: ConversationSummary; now: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { slaDueAt, slaTarget } = conversation;
  const state = slaStateAt(slaDueAt, conversation.slaAtRiskAt, now);
  if (state === null || slaDueAt === null) return null;
  const remaining = Date.parse(slaDueAt) - now;
  const duration = formatDuration(Math.abs(remaining), locale);
  return (
    <span
      data-testid="row-sla"
      data-sla={state}
      data-sla-target={slaTarget ?? undefined}
      className={`badge badge--sla badge--sla-${state}`}
      title={`${t(`inboxList.slaTarget.${slaTarget ?? 'first'}`)}: ${t(`inboxList.slaState.${state}`)} · ${formatFullTimestamp(slaDueAt, locale)}`}
    >
      {remaining >= 0 ? t('inboxList.slaLeft', { duration }) : t('inboxList.slaOver', { duration })}
    </span>
  );
}
