import { useTranslation } from 'react-i18next';
import type { DashboardResponse } from '../../../../common/types';
import { useNow } from '../../components/useNow';
import { formatFullTimestamp, formatMessageTime } from '../../i18n/dateFormat';
import { describeError } from '../../i18n/describeError';
import { formatDuration } from '../inbox/waitingTime';
import { useDashboard } from './dashboardQueries';

interface DashboardScreenProps {
  onClose: () => void;
  onOpenConversation: (id: string) => void;
}

/** The team lead's live view: queues, oldest waiting, SLA, inbound against usual, agents, channels. */
export function DashboardScreen({ onClose, onOpenConversation }: DashboardScreenProps) {
  const { t } = useTranslation();
  const query = useDashboard();
  const data = query.data;

  return (
    <section data-testid="dashboard" className="dashboard" aria-labelledby="dashboard-title">
      <header className="dashboard__header">
        <h2 id="dashboard-title">{t('dashboard.title')}</h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('dashboard.close')}
        </button>
      </header>
      {query.isError && (
        <div className="banner banner--error" role="alert">
          {describeError(t, query.error)}
        </div>
      )}
      {data === undefined ? (
        <p className="placeholder">{t('dashboard.loading')}</p>
      ) : (
        <DashboardBody data={data} onOpenConversation={onOpenConversation} />
      )}
    </section>
  );
}

function Tile({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string | number;
  tone?: string;
  testId: string;
}) {
  return (
    <div data-testid={testId} className={`tile${tone ? ` tile--${tone}` : ''}`}>
      <span className="tile__value">{value}</span>
      <span className="tile__label">{label}</span>
    </div>
  );
}

function DashboardBody({
  data,
  onOpenConversation,
}: {
  data: DashboardResponse;
  onOpenConversation: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const now = useNow(5000);
  const { inbound, oldestWaiting } = data;
  return (
    <>
      {inbound.spike && (
        <div data-testid="spike-alert" className="banner banner--error" role="alert">
          {t('dashboard.spike', {
            current: inbound.current,
            usual: inbound.usual,
            minutes: inbound.windowMinutes,
          })}
        </div>
      )}
      <div className="tiles">
        <Tile testId="tile-waiting" label={t('dashboard.waiting')} value={data.queues.waiting} />
        <Tile testId="tile-unassigned" label={t('views.unassigned')} value={data.queues.unassigned} />
        <Tile testId="tile-pending" label={t('views.pending')} value={data.queues.pending} />
        <Tile
          testId="tile-at-risk"
          label={t('inboxList.slaState.at_risk')}
          value={data.sla.atRisk}
          tone={data.sla.atRisk > 0 ? 'warn' : undefined}
        />
        <Tile
          testId="tile-breached"
          label={t('inboxList.slaState.breached')}
          value={data.sla.breached}
          tone={data.sla.breached > 0 ? 'danger' : undefined}
        />
        <Tile
          testId="tile-inbound"
          label={t('dashboard.inbound', { minutes: inbound.windowMinutes, usual: inbound.usual })}
          value={inbound.current}
          tone={inbound.spike ? 'danger' : undefined}
        />
      </div>
      <p data-testid="oldest-waiting" className="dashboard__oldest">
        {oldestWaiting === null ? (
          t('dashboard.nobodyWaiting')
        ) : (
          <>
            {t('dashboard.oldest', {
              duration: formatDuration(Math.max(0, now - Date.parse(oldestWaiting.waitingSince)), locale),
            })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => onOpenConversation(oldestWaiting.conversationId)}
            >
              {oldestWaiting.contactName} (@{oldestWaiting.contactHandle})
            </button>
          </>
        )}
      </p>
      <h3>{t('dashboard.agents')}</h3>
      <table data-testid="dashboard-agents" className="table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.agent')}</th>
            <th scope="col">{t('dashboard.status')}</th>
            <th scope="col">{t('dashboard.assigned')}</th>
            <th scope="col">{t('dashboard.assignedWaiting')}</th>
            <th scope="col">{t('dashboard.lastSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {data.agents.map((agent) => (
            <tr key={agent.id} data-testid="dashboard-agent" data-online={agent.online ? 'true' : 'false'}>
              <th scope="row">
                {agent.name} <span className="muted">^{agent.initials}</span>
              </th>
              <td>
                <span className={`dot dot--${agent.online ? 'online' : 'offline'}`} aria-hidden="true" />
                {agent.online ? t('dashboard.online') : t('dashboard.offline')}
                {agent.online && agent.availability === 'away' && ` · ${t('dashboard.away')}`}
              </td>
              <td>{t('dashboard.load', { load: agent.assignedOpen, capacity: agent.capacity })}</td>
              <td>{agent.assignedWaiting}</td>
              <td
                title={agent.lastSeenAt === null ? undefined : formatFullTimestamp(agent.lastSeenAt, locale)}
              >
                {agent.lastSeenAt === null ? '–' : formatMessageTime(agent.lastSeenAt, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('dashboard.channels')}</h3>
      <table data-testid="dashboard-channels" className="table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.channel')}</th>
            <th scope="col">{t('dashboard.status')}</th>
            <th scope="col">{t('dashboard.pollLag')}</th>
            <th scope="col">{t('dashboard.rateLeft')}</th>
            <th scope="col">{t('dashboard.readsLeft')}</th>
          </tr>
        </thead>
        <tbody>
          {data.channels.map((channel) => (
            <tr key={channel.id} data-testid="dashboard-channel">
              <th scope="row">
                {t(`platform.${channel.platform}`)} · {channel.handle}
              </th>
              <td>
                {t(`accounts.status.${channel.status}`)}
                {channel.lastError !== null && <span className="error-text"> · {channel.lastError}</span>}
              </td>
              <td>
                {channel.pollLagSeconds === null
                  ? '–'
                  : formatDuration(channel.pollLagSeconds * 1000, locale)}
              </td>
              <td>
                {channel.rateRemaining === null
                  ? '–'
                  : `${channel.rateRemaining.remaining} / ${channel.rateRemaining.limit}`}
              </td>
              <td>{channel.readsLeft === null ? '–' : channel.readsLeft}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
