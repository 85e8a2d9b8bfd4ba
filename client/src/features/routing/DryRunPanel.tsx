import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DryRunMatch, RoutingRuleInput, TeamRoutingSettingsDto } from '../../../../common/routing';
import { describeError } from '../../i18n/describeError';
import { useDryRun } from './routingQueries';

/** Tries a rule set (the saved rules with unsaved edits) against recent conversations; changes nothing. */
export function DryRunPanel({
  rules,
  teams,
}: {
  rules: RoutingRuleInput[];
  teams: TeamRoutingSettingsDto[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const dryRun = useDryRun();
  const teamName = (teamId: string | null | undefined) =>
    teams.find((team) => team.id === teamId)?.name ?? '–';
  const describe = (changes: DryRunMatch['changes']) => {
    const parts: string[] = [];
    if (changes.teamId) parts.push(t('routing.dryRun.team', { name: teamName(changes.teamId) }));
    if (changes.priority)
      parts.push(t('routing.dryRun.priority', { priority: t(`priority.${changes.priority}`) }));
    if (changes.addTags) parts.push(t('routing.dryRun.tags', { tags: changes.addTags.join(', ') }));
    return parts.length > 0 ? parts.join(', ') : t('routing.dryRun.noChange');
  };
  const data = dryRun.data;

  return (
    <section className="routing__section" aria-labelledby={`${id}-title`} data-testid="dry-run">
      <h3 id={`${id}-title`}>{t('routing.dryRun.title')}</h3>
      <p className="routing__hint">{t('routing.dryRun.help')}</p>
      <button
        type="button"
        data-testid="dry-run-button"
        className="button"
        disabled={dryRun.isPending}
        onClick={() => dryRun.mutate(rules)}
      >
        {dryRun.isPending ? t('routing.dryRun.running') : t('routing.dryRun.run')}
      </button>
      {dryRun.isError && (
        <p className="form-error" role="alert">
          {describeError(t, dryRun.error)}
        </p>
      )}
      {data && (
        <>
          <p role="status" data-testid="dry-run-summary">
            {t('routing.dryRun.result', { matched: data.matched, examined: data.examined })}
          </p>
          <div className="routing__table-wrap">
            <table className="health-table">
              <thead>
                <tr>
                  <th scope="col">{t('routing.dryRun.customer')}</th>
                  <th scope="col">{t('routing.dryRun.message')}</th>
                  <th scope="col">{t('routing.dryRun.rule')}</th>
                  <th scope="col">{t('routing.dryRun.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items
                  .filter((item) => item.ruleIndex !== null)
                  .map((item) => (
                    <tr key={item.conversationId} data-testid="dry-run-match">
                      <td>{item.authorName}</td>
                      <td>{item.snippet}</td>
                      <td>{item.ruleName}</td>
                      <td>{describe(item.changes)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
