import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSIGNMENT_MODES,
  type AssignmentMode,
  type RoutingSettingsResponse,
} from '../../../../common/routing';
import { describeError } from '../../i18n/describeError';
import { useUpdateCapacity, useUpdateTeamSettings } from './routingQueries';

/** Team modes and away timeouts, agents' capacities and current load; admins edit, leads read. */
export function AssignmentSettings({
  settings,
  canEdit,
}: {
  settings: RoutingSettingsResponse;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const updateTeam = useUpdateTeamSettings();
  const updateCapacity = useUpdateCapacity();
  const error = updateTeam.error ?? updateCapacity.error;

  return (
    <section className="routing__section" aria-labelledby={`${id}-title`} data-testid="assignment-settings">
      <h3 id={`${id}-title`}>{t('routing.assignment.title')}</h3>
      {error && (
        <p className="form-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      <table className="health-table">
        <caption className="routing__caption">{t('routing.assignment.teams')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('routing.assignment.team')}</th>
            <th scope="col">{t('routing.assignment.mode')}</th>
            <th scope="col">{t('routing.assignment.awayTimeout')}</th>
          </tr>
        </thead>
        <tbody>
          {settings.teams.map((team) => (
            <tr key={team.id}>
              <th scope="row">{team.name}</th>
              <td>
                <select
                  className="select select--compact"
                  data-testid={`team-mode-${team.name}`}
                  aria-label={t('routing.assignment.modeFor', { name: team.name })}
                  value={team.assignmentMode}
                  disabled={!canEdit}
                  onChange={(e) =>
                    updateTeam.mutate({
                      id: team.id,
                      patch: { assignmentMode: e.target.value as AssignmentMode },
                    })
                  }
                >
                  {ASSIGNMENT_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {t(`routing.assignment.modes.${mode}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  key={team.awayTimeoutMinutes}
                  className="input input--compact routing__number"
                  type="number"
                  min={1}
                  max={1440}
                  aria-label={t('routing.assignment.awayTimeoutFor', { name: team.name })}
                  defaultValue={team.awayTimeoutMinutes}
                  disabled={!canEdit}
                  onBlur={(e) => {
                    const value = Number(e.target.value);
                    if (Number.isInteger(value) && value !== team.awayTimeoutMinutes)
                      updateTeam.mutate({ id: team.id, patch: { awayTimeoutMinutes: value } });
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="health-table">
        <caption className="routing__caption">{t('routing.assignment.agents')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('routing.assignment.agent')}</th>
            <th scope="col">{t('routing.assignment.status')}</th>
            <th scope="col">{t('routing.assignment.load')}</th>
            <th scope="col">{t('routing.assignment.capacity')}</th>
          </tr>
        </thead>
        <tbody>
          {settings.agents.map((agent) => (
            <tr key={agent.id} data-testid={`agent-${agent.initials}`}>
              <th scope="row">{agent.name}</th>
              <td>
                {t(`routing.assignment.${agent.online ? 'online' : 'offline'}`)},{' '}
                {t(`routing.assignment.${agent.availability}`)}
              </td>
              <td>
                {agent.load} / {agent.capacity}
              </td>
              <td>
                <input
                  key={agent.capacity}
                  className="input input--compact routing__number"
                  type="number"
                  min={0}
                  max={1000}
                  aria-label={t('routing.assignment.capacityFor', { name: agent.name })}
                  defaultValue={agent.capacity}
                  disabled={!canEdit}
                  onBlur={(e) => {
                    const value = Number(e.target.value);
                    if (Number.isInteger(value) && value !== agent.capacity)
                      updateCapacity.mutate({ id: agent.id, capacity: value });
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="routing__hint">{t('routing.assignment.loadHelp')}</p>
    </section>
  );
}
